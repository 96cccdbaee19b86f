import CQRS
import Foundation

/// An account's balance at one point in time, captured by a sync or an import.
struct BalanceSnapshot: Sendable, Hashable, Codable {
    var id: UUID
    var accountId: UUID
    var balance: Decimal
    var availableBalance: Decimal?
    var holdingsValue: Decimal?
    var cashValue: Decimal?
    var currency: String
    /// What captured it: `account_sync`, `holdings_sync`, `import`.
    var source: String
    var capturedAt: Date
    var createdAt: Date

    func result(previous: BalanceSnapshot?) -> BalanceSnapshotResult {
        let change = previous.map { balance - $0.balance }
        let percent = previous.flatMap { $0.balance == 0 ? nil : NSDecimalNumber(decimal: (balance - $0.balance) / $0.balance * 100).doubleValue }
        return BalanceSnapshotResult(
            id: id, accountId: accountId, balance: balance, availableBalance: availableBalance, holdingsValue: holdingsValue,
            cashValue: cashValue, currency: currency, source: source, capturedAt: capturedAt, createdAt: createdAt,
            changeAmount: change, changePercent: percent)
    }
}

extension BalanceHistoryResult {
    /// Snapshots oldest first, each with its change from the one before, and the change across the period.
    init(_ snapshots: [BalanceSnapshot]) {
        let ordered = snapshots.sorted { $0.capturedAt < $1.capturedAt }
        let results = ordered.indices.map { index in
            ordered[index].result(previous: index == 0 ? nil : ordered[index - 1])
        }
        let start = ordered.first?.balance, end = ordered.last?.balance
        let change = start.flatMap { start in end.map { $0 - start } }
        let percent = start.flatMap { start in
            change.flatMap { start == 0 ? nil : NSDecimalNumber(decimal: $0 / start * 100).doubleValue }
        }
        self.init(
            snapshots: results, totalCount: results.count, startBalance: start, endBalance: end, totalChangeAmount: change,
            totalChangePercent: percent, currency: Set(ordered.map(\.currency)).count == 1 ? ordered.first?.currency : nil)
    }
}
