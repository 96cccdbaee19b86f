import CQRS
import Foundation

/// An account's most recent balance snapshots (all, or the latest `limit`), in the order they were captured.
struct ListBalanceSnapshotsByAccountHandler: ListBalanceSnapshotsByAccountHandling {
    let snapshotRepository: any BalanceSnapshotRepository
    let accountRepository: any AccountRepository
    let connectionRepository: any ProviderConnectionRepository

    func handle(_ query: ListBalanceSnapshotsByAccount) async -> Result<BalanceHistoryResult, OperationError> {
        await handling {
            if let limit = query.limit, let error = Pagination.validate(limit: limit, offset: 0) { return .failure(error) }
            guard case .success(let account) = try await AccountOwnership.account(
                query.accountId, of: query.userId, accounts: accountRepository, connections: connectionRepository)
            else { return .failure(.accountNotFound) }
            let newestFirst = try await snapshotRepository.list(accountId: account.id)
                .filter { snapshot in query.source.map { $0 == snapshot.source } ?? true }
            return .success(BalanceHistoryResult(Array(newestFirst.prefix(query.limit ?? newestFirst.count))))
        }
    }
}
