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
            let accounts = try await accountRepository.list(connectionId: connection.id)
            return .success(AccountListResult(accounts, activeOnly: query.activeOnly))
        }
    }
}

extension AccountListResult {
    /// The accounts (only active ones if asked) with their counts and balance totals per currency.
    init(_ accounts: [Account], activeOnly: Bool) {
        let listed = activeOnly ? accounts.filter(\.isActive) : accounts
        self.init(
            accounts: listed.map(\.result), totalCount: listed.count, activeCount: accounts.count(where: \.isActive),
            totalBalanceByCurrency: CurrencyTotals.of(listed.map { ($0.currency, $0.balance) }))
    }
}
