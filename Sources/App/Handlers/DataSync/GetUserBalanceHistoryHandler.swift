import CQRS
import Foundation

/// The balance snapshots of all of the user's accounts over a period, oldest first.
struct GetUserBalanceHistoryHandler: GetUserBalanceHistoryHandling {
    let snapshotRepository: any BalanceSnapshotRepository

    func handle(_ query: GetUserBalanceHistory) async -> Result<BalanceHistoryResult, OperationError> {
        await handling {
            guard query.startDate <= query.endDate else {
                return .failure(.invalidDateRange)
            }
            let period = query.startDate...query.endDate, source = query.source
            let tally = try await snapshotRepository.fold(
                userId: query.userId, oldestFirst: true,
                into: BalanceHistoryResult.Tally(limit: query.limit, offset: query.offset) { snapshot in
                    period.contains(snapshot.capturedAt) && (source.map { $0 == snapshot.source } ?? true)
                }
            ) { $0.add($1) }
            return .success(BalanceHistoryResult(oldestFirst: tally))
        }
    }
}
