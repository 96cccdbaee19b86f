import CQRS
import Foundation

/// An account's most recent balance snapshots (all, or the latest `limit`), in the order they were captured.
struct ListBalanceSnapshotsByAccountHandler: ListBalanceSnapshotsByAccountHandling {
    let snapshotRepository: any BalanceSnapshotRepository
    let accountRepository: any AccountRepository
    let connectionRepository: any ProviderConnectionRepository

    func handle(_ query: ListBalanceSnapshotsByAccount) async -> Result<BalanceHistoryResult, OperationError> {
        await handling {
            guard case .success(let account) = try await AccountOwnership.account(
                query.accountId, of: query.userId, accounts: accountRepository, connections: connectionRepository)
            else { return .failure(.accountNotFound) }
            let source = query.source
            let tally = try await snapshotRepository.fold(
                accountId: account.id, oldestFirst: false,
                into: BalanceHistoryResult.Tally(limit: query.limit, offset: query.offset) { snapshot in
                    source.map { $0 == snapshot.source } ?? true
                }
            ) { $0.add($1) }
            return .success(BalanceHistoryResult(newestFirst: tally))
        }
    }
}
