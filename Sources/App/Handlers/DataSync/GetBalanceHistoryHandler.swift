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
            let snapshots = try await snapshotRepository.list(accountId: account.id).filter { snapshot in
                (query.startDate...query.endDate).contains(snapshot.capturedAt) && (query.source.map { $0 == snapshot.source } ?? true)
            }
            return .success(BalanceHistoryResult(snapshots))
        }
    }
}
