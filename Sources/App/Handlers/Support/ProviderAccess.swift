import CQRS
import Foundation

/// What every sync needs before it can talk to a provider: a connection of the user's that is active, its decrypted
/// credentials, and the provider's client.
struct ProviderAccess {
    var connection: ProviderConnection
    var credentials: Data
    var provider: any FinancialProvider

    /// Syncs closer together than this need `force`.
    static let minimumSyncInterval: TimeInterval = 5 * 60

    /// Opens the connection for a sync; throws the `OperationError` that says why it cannot be.
    static func open(
        _ connection: ProviderConnection, userId: UUID, force: Bool, at now: Date, encryption: any EncryptionService,
        providers: any ProviderFactory
    ) throws -> ProviderAccess {
        guard connection.userId == userId else { throw OperationError.connectionNotFound }
        guard connection.isConnected, let credentials = connection.credentials else {
            throw OperationError(.connectionInactive, message: "The provider connection is not active.")
        }
        if !force, let lastSync = connection.lastSyncAt, now.timeIntervalSince(lastSync) < minimumSyncInterval {
            throw OperationError(.syncTooRecent, message: "Synced less than five minutes ago; force to sync again.")
        }
        let decrypted: Data
        do {
            decrypted = try encryption.decrypt(credentials.encryptedData)
        } catch {
            // The keys that encrypted them are gone (KeysCheck marks such connections expired at start).
            throw OperationError(
                .credentialsUnreadable, message: "The provider credentials can no longer be read; connect the provider again.")
        }
        return ProviderAccess(connection: connection, credentials: decrypted, provider: try providers.provider(slug: connection.providerSlug))
    }

    /// Records that the connection synced at `date`.
    func markSynced(at date: Date, in connections: any ProviderConnectionRepository) async throws {
        var synced = connection
        synced.lastSyncAt = date
        synced.updatedAt = date
        try await connections.save(synced)
    }
}
