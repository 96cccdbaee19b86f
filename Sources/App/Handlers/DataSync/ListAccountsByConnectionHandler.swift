import CQRS
import Foundation

/// The accounts of one of the user's provider connections.
struct ListAccountsByConnectionHandler: ListAccountsByConnectionHandling {
    let accountRepository: any AccountRepository
    let connectionRepository: any ProviderConnectionRepository

    func handle(_ query: ListAccountsByConnection) async -> Result<AccountListResult, OperationError> {
        await handling {
            guard case .success(let connection) = try await AccountOwnership.connection(
                query.connectionId, of: query.userId, connections: connectionRepository)
            else { return .failure(.connectionNotFound) }
            let tally = try await accountRepository.fold(
                connectionId: connection.id,
                into: AccountListResult.Tally(limit: query.limit, offset: query.offset, activeOnly: query.activeOnly)
            ) { $0.add($1) }
            return .success(AccountListResult(tally))
        }
    }
}

extension AccountListResult {
    /// What a list of accounts folds into, one account at a time: the page of those listed (of one type, and only
    /// active ones, if asked), their count and balance totals per currency, and how many of the type are active.
    struct Tally: Sendable {
        var page: PageCollector<Account>
        let activeOnly: Bool
        var accountType: AccountType?
        var active = 0
        var balances = CurrencyTotals()

        init(limit: Int, offset: Int, activeOnly: Bool, accountType: AccountType? = nil) {
            page = PageCollector(limit: limit, offset: offset)
            self.activeOnly = activeOnly
            self.accountType = accountType
        }

        mutating func add(_ account: Account) {
            if let accountType, account.accountType != accountType { return }
            if account.isActive { active += 1 }
            guard !activeOnly || account.isActive else { return }
            page.add(account)
            balances.add(account.balance, in: account.currency)
        }
    }

    init(_ tally: Tally) {
        self.init(
            accounts: tally.page.items.map(\.result), totalCount: tally.page.total, hasMore: tally.page.hasMore,
            activeCount: tally.active, totalBalanceByCurrency: tally.balances.text)
    }
}
