import CQRS
import Foundation

/// Syncs everything of one connection: its accounts, their transactions, then the holdings of each investment
/// account, read page by page. Each sync is a command and a transaction of its own, forced (the caller asked for it
/// now), so a failed holdings sync keeps the accounts and transactions synced.
struct SyncConnectionHandler: SyncConnectionHandling {
    let steps: SyncConnectionSteps

    /// The accounts read per page while looking for investment accounts: the most a page may hold.
    static let accountsPerPage = 200

    func handle(_ command: SyncConnection) async -> Result<ConnectionSyncResult, OperationError> {
        // Each instant stands for the day it falls on in UTC.
        let startDate = command.startDate.map(CalendarDate.init), endDate = command.endDate.map(CalendarDate.init)
        return await handling {
            if let startDate, let endDate, startDate > endDate { return .failure(.invalidDateRange) }
            let accounts = try await steps.run(SyncAccounts(
                connectionId: command.connectionId, userId: command.userId, force: true)).get()
            let transactions = try await steps.run(SyncTransactions(
                connectionId: command.connectionId, userId: command.userId, startDate: startDate, endDate: endDate,
                force: true)).get()
            var holdings: [String: SyncHoldingsResult] = [:]
            var offset = 0
            while true {
                let page = try await steps.run(ListAccountsByConnection(
                    connectionId: command.connectionId, userId: command.userId, limit: Self.accountsPerPage,
                    offset: offset)).get()
                for account in page.accounts where account.isInvestment {
                    holdings[account.id.uuidString] = try await steps.run(SyncHoldings(
                        accountId: account.id, userId: command.userId, force: true)).get()
                }
                guard page.hasMore, !page.accounts.isEmpty else { break }
                offset += page.accounts.count
            }
            return .success(ConnectionSyncResult(accounts: accounts, transactions: transactions, holdings: holdings))
        }
    }
}
