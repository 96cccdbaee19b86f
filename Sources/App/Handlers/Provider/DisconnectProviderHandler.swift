import CQRS
import Foundation

/// Disconnects a user from a provider and forgets its credentials.
struct DisconnectProviderHandler: DisconnectProviderHandling {
    let connectionRepository: any ProviderConnectionRepository
    let clock: any WallClock
    let events: DisconnectProviderEvents

    func handle(_ command: DisconnectProvider) async -> Result<Void, OperationError> {
        let attempted = ProviderDisconnectionAttempted(userId: command.userId, connectionId: command.connectionId)
        return await events.providerDisconnection(attempted) {
            guard case .success(var connection) = try await AccountOwnership.connection(
                command.connectionId, of: command.userId, connections: connectionRepository)
            else { return .failure(.connectionNotFound) }
            guard connection.status != .disconnected else {
                return .failure(OperationError(.alreadyDisconnected, message: "Provider already disconnected."))
            }
            connection.status = .disconnected
            connection.credentials = nil
            connection.updatedAt = clock.now
            try await connectionRepository.save(connection)
            return .success(())
        }
    }
}
