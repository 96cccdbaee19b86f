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
            let snapshots = try await snapshotRepository.list(userId: query.userId).filter { snapshot in
                (query.startDate...query.endDate).contains(snapshot.capturedAt) && (query.source.map { $0 == snapshot.source } ?? true)
            }
            return .success(BalanceHistoryResult(snapshots))
        }
    }
}
