import CQRS
import Foundation

/// An account's balance snapshots over a period, oldest first, with the change across it.
struct GetBalanceHistoryHandler: GetBalanceHistoryHandling {
    let snapshotRepository: any BalanceSnapshotRepository
    let accountRepository: any AccountRepository
    let connectionRepository: any ProviderConnectionRepository

    func handle(_ query: GetBalanceHistory) async -> Result<BalanceHistoryResult, OperationError> {
        await handling {
            guard query.startDate <= query.endDate else {
                return .failure(.invalidDateRange)
            }
            guard case .success(let account) = try await AccountOwnership.account(
                query.accountId, of: query.userId, accounts: accountRepository, connections: connectionRepository)
            else { return .failure(.accountNotFound) }
            let period = query.startDate...query.endDate, source = query.source
            let tally = try await snapshotRepository.fold(
                accountId: account.id, oldestFirst: true,
                into: BalanceHistoryResult.Tally(limit: query.limit, offset: query.offset) { snapshot in
                    period.contains(snapshot.capturedAt) && (source.map { $0 == snapshot.source } ?? true)
                }
            ) { $0.add($1) }
            return .success(BalanceHistoryResult(oldestFirst: tally))
        }
    }
}
