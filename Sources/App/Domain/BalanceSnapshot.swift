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
    /// What a history folds its snapshots into, one at a time, in the order it pages them: the page, the first and
    /// last of all that `includes` lists (the change across the period is theirs), and their currency when they share
    /// one.
    struct Tally: Sendable {
        var page: PageCollector<BalanceSnapshot>
        let includes: @Sendable (BalanceSnapshot) -> Bool
        var first: BalanceSnapshot?
        var last: BalanceSnapshot?
        var currency: String?
        var mixedCurrencies = false

        init(limit: Int, offset: Int, includes: @escaping @Sendable (BalanceSnapshot) -> Bool) {
            page = PageCollector(limit: limit, offset: offset)
            self.includes = includes
        }

        mutating func add(_ snapshot: BalanceSnapshot) {
            guard includes(snapshot) else { return }
            page.add(snapshot)
            if first == nil { first = snapshot }
            last = snapshot
            if currency == nil { currency = snapshot.currency } else if currency != snapshot.currency { mixedCurrencies = true }
        }
    }

    /// A history paged oldest first: each snapshot with its change from the one before it (for the page's first,
    /// the snapshot before the page), and the change across everything listed.
    init(oldestFirst tally: Tally) {
        self.init(
            page: tally.page.items, before: tally.page.before, tally: tally, start: tally.first, end: tally.last)
    }

    /// The most recent snapshots, paged newest first and shown oldest first, with the change across the page.
    init(newestFirst tally: Tally) {
        let page = Array(tally.page.items.reversed())
        self.init(page: page, before: tally.page.after, tally: tally, start: page.first, end: page.last)
    }

    private init(page: [BalanceSnapshot], before: BalanceSnapshot?, tally: Tally, start: BalanceSnapshot?, end: BalanceSnapshot?) {
        let results = page.indices.map { index in page[index].result(previous: index == 0 ? before : page[index - 1]) }
        let startBalance = start?.balance, endBalance = end?.balance
        let change = startBalance.flatMap { start in endBalance.map { $0 - start } }
        let percent = startBalance.flatMap { start in
            change.flatMap { start == 0 ? nil : NSDecimalNumber(decimal: $0 / start * 100).doubleValue }
        }
        self.init(
            snapshots: results, totalCount: tally.page.total, hasMore: tally.page.hasMore, startBalance: startBalance,
            endBalance: endBalance, totalChangeAmount: change, totalChangePercent: percent,
            currency: tally.mixedCurrencies ? nil : tally.currency)
    }
}
