import CQRS
import Foundation

/// Connects a user to a financial provider with credentials already encrypted; returns the connection's id.
struct ConnectProviderHandler: ConnectProviderHandling {
    let connectionRepository: any ProviderConnectionRepository
    let clock: any WallClock
    let events: ConnectProviderEvents

    func handle(_ command: ConnectProvider) async -> Result<UUID, OperationError> {
        return await events.providerConnection(ProviderConnectionAttempted(userId: command.userId, providerSlug: command.providerSlug)) {
            guard !command.providerSlug.isEmpty else {
                return .failure(OperationError(.invalidProvider, message: "Provider slug is required."))
            }
            guard !command.credentials.encryptedData.isEmpty else {
                return .failure(OperationError(.invalidCredentials, message: "Provider credentials are empty."))
            }
            let existing = try await connectionRepository.list(userId: command.userId)
            if existing.contains(where: { $0.providerId == command.providerId && $0.alias == command.alias && $0.status == .active }) {
                return .failure(OperationError(.alreadyConnected, message: "Provider already connected."))
            }
            let now = clock.now
            let connection = ProviderConnection(
                id: UUID(), userId: command.userId, providerId: command.providerId, providerSlug: command.providerSlug,
                alias: command.alias, status: .active, credentials: command.credentials, connectedAt: now, lastSyncAt: nil,
                createdAt: now, updatedAt: now)
            try await connectionRepository.save(connection)
            return .success(connection.id)
        }
    }
}
