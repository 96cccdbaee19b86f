import CQRS
import Foundation

/// The latest balance snapshot of each of the user's accounts, with totals per currency.
struct GetLatestBalanceSnapshotsHandler: GetLatestBalanceSnapshotsHandling {
    let snapshotRepository: any BalanceSnapshotRepository

    func handle(_ query: GetLatestBalanceSnapshots) async -> Result<LatestSnapshotsResult, OperationError> {
        await handling {
            var latest: [UUID: BalanceSnapshot] = [:]
            for snapshot in try await snapshotRepository.list(userId: query.userId) {
                if let current = latest[snapshot.accountId], current.capturedAt >= snapshot.capturedAt { continue }
                latest[snapshot.accountId] = snapshot
            }
            let snapshots = latest.values.sorted { ($0.capturedAt, $0.accountId.uuidString) > ($1.capturedAt, $1.accountId.uuidString) }
            return .success(LatestSnapshotsResult(
                snapshots: snapshots.map { $0.result(previous: nil) }, totalCount: snapshots.count,
                totalBalanceByCurrency: CurrencyTotals.of(snapshots.map { ($0.currency, $0.balance) })))
        }
    }
}
