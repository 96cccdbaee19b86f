import CQRS
import Foundation

/// An account's most recent transactions in one security.
struct ListSecurityTransactionsHandler: ListSecurityTransactionsHandling {
    let transactionRepository: any TransactionRepository
    let accountRepository: any AccountRepository
    let connectionRepository: any ProviderConnectionRepository

    func handle(_ query: ListSecurityTransactions) async -> Result<TransactionListResult, OperationError> {
        await handling {
            let symbol = query.symbol.trimmingCharacters(in: .whitespaces).uppercased()
            guard !symbol.isEmpty else {
                return .failure(OperationError(code: "invalid_symbol", message: "A security symbol is required."))
            }
            if let error = Pagination.validate(limit: query.limit, offset: 0) { return .failure(error) }
            guard case .success(let account) = try await AccountOwnership.account(
                query.accountId, of: query.userId, accounts: accountRepository, connections: connectionRepository)
            else { return .failure(.accountNotFound) }
            let page = try await transactionRepository.list(
                accountId: account.id, filter: TransactionFilter(symbol: symbol), limit: query.limit, offset: 0)
            return .success(TransactionListResult(
                transactions: page.transactions.map(\.result), totalCount: page.totalCount,
                hasMore: page.transactions.count < page.totalCount))
        }
    }
}
