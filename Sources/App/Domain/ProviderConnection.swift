import CQRS
import Foundation

/// A financial provider the application can connect to.
struct Provider: Sendable, Hashable {
    var id: UUID
    var slug: String
    var name: String
}

/// A user's connection to a provider, holding the encrypted credentials the provider issued.
struct ProviderConnection: Sendable, Hashable, Codable {
    var id: UUID
    var userId: UUID
    var providerId: UUID
    var providerSlug: String
    var alias: String?
    var status: ConnectionStatus
    var credentials: ProviderCredentials?
    var connectedAt: Date?
    var lastSyncAt: Date?
    var createdAt: Date
    var updatedAt: Date

    var isConnected: Bool { status == .active && credentials != nil }

    func needsReauthentication(at now: Date) -> Bool {
        status == .expired || (credentials?.expiresAt.map { $0 <= now } ?? false)
    }

    func result(at now: Date) -> ProviderConnectionResult {
        ProviderConnectionResult(
            id: id, userId: userId, providerId: providerId, providerSlug: providerSlug, alias: alias, status: status,
            isConnected: isConnected, needsReauthentication: needsReauthentication(at: now), connectedAt: connectedAt,
            lastSyncAt: lastSyncAt, createdAt: createdAt, updatedAt: updatedAt)
    }
}
