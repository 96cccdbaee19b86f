import CQRS
import Foundation

/// The latest balance snapshot of each of the user's accounts, one page at a time, with totals per currency.
struct GetLatestBalanceSnapshotsHandler: GetLatestBalanceSnapshotsHandling {
    let snapshotRepository: any BalanceSnapshotRepository

    func handle(_ query: GetLatestBalanceSnapshots) async -> Result<LatestSnapshotsResult, OperationError> {
        await handling {
            // Newest first, so the first snapshot of each account is its latest: one kept per account, never every one.
            let latest = try await snapshotRepository.fold(
                userId: query.userId, oldestFirst: false, into: [UUID: BalanceSnapshot]()
            ) { latest, snapshot in
                if latest[snapshot.accountId] == nil { latest[snapshot.accountId] = snapshot }
            }
            let ordered = latest.values.sorted { ($0.capturedAt, $0.accountId.uuidString) > ($1.capturedAt, $1.accountId.uuidString) }
            var page = PageCollector<BalanceSnapshot>(limit: query.limit, offset: query.offset)
            var totals = CurrencyTotals()
            for snapshot in ordered {
                page.add(snapshot)
                totals.add(snapshot.balance, in: snapshot.currency)
            }
            return .success(LatestSnapshotsResult(
                snapshots: page.items.map { $0.result(previous: nil) }, totalCount: page.total, hasMore: page.hasMore,
                totalBalanceByCurrency: totals.text))
        }
    }
}
