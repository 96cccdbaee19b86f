import CQRS
import Foundation

/// The check every account-scoped query makes: the account exists and its connection belongs to the user. Another
/// user's account is reported as missing, so that ids cannot be probed.
enum AccountOwnership {
    static func account(
        _ accountId: UUID, of userId: UUID, accounts: any AccountRepository, connections: any ProviderConnectionRepository
    ) async throws -> Result<Account, OperationError> {
        guard let account = try await accounts.find(id: accountId),
              let connection = try await connections.find(id: account.connectionId), connection.userId == userId
        else { return .failure(.accountNotFound) }
        return .success(account)
    }

    static func connection(
        _ connectionId: UUID, of userId: UUID, connections: any ProviderConnectionRepository
    ) async throws -> Result<ProviderConnection, OperationError> {
        guard let connection = try await connections.find(id: connectionId), connection.userId == userId else {
            return .failure(.connectionNotFound)
        }
        return .success(connection)
    }
}
