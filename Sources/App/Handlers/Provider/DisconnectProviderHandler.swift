import CQRS
import Foundation

/// Disconnects a user from a provider and forgets its credentials.
struct DisconnectProviderHandler: DisconnectProviderHandling {
    let connectionRepository: any ProviderConnectionRepository
    let eventBus: any EventBus

    func handle(_ command: DisconnectProvider) async -> Result<Void, OperationError> {
        let attributes = ["user_id": command.userId.uuidString, "connection_id": command.connectionId.uuidString]
        return await eventBus.recording(.providerDisconnectionAttempted, .providerDisconnectionSucceeded, .providerDisconnectionFailed, attributes) {
            guard case .success(var connection) = try await AccountOwnership.connection(
                command.connectionId, of: command.userId, connections: connectionRepository)
            else { return .failure(.connectionNotFound) }
            guard connection.status != .disconnected else {
                return .failure(OperationError(code: "already_disconnected", message: "Provider already disconnected."))
            }
            connection.status = .disconnected
            connection.credentials = nil
            connection.updatedAt = Date()
            try await connectionRepository.save(connection)
            return .success(())
        }
    }
}
