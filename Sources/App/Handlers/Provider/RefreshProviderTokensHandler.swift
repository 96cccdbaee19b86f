import CQRS
import Foundation

/// Stores a provider's new credentials after an OAuth token refresh, reactivating an expired connection.
struct RefreshProviderTokensHandler: RefreshProviderTokensHandling {
    let connectionRepository: any ProviderConnectionRepository
    let clock: any WallClock
    let events: RefreshProviderTokensEvents

    func handle(_ command: RefreshProviderTokens) async -> Result<Void, OperationError> {
        return await events.providerTokenRefresh(ProviderTokenRefreshAttempted(connectionId: command.connectionId)) {
            guard var connection = try await connectionRepository.find(id: command.connectionId) else {
                return .failure(.connectionNotFound)
            }
            guard connection.status == .active || connection.status == .expired else {
                return .failure(OperationError(.connectionInactive, message: "The connection is \(connection.status.rawValue)."))
            }
            guard !command.credentials.encryptedData.isEmpty else {
                return .failure(OperationError(.invalidCredentials, message: "Provider credentials are empty."))
            }
            connection.credentials = command.credentials
            connection.status = .active
            connection.updatedAt = clock.now
            try await connectionRepository.save(connection)
            return .success(())
        }
    }
}
