import CQRS
import Foundation

/// An account's transactions in one security, newest first, one page at a time (dispatch bounds the page).
struct ListSecurityTransactionsHandler: ListSecurityTransactionsHandling {
    let transactionRepository: any TransactionRepository
    let accountRepository: any AccountRepository
    let connectionRepository: any ProviderConnectionRepository

    func handle(_ query: ListSecurityTransactions) async -> Result<TransactionListResult, OperationError> {
        await handling {
            let symbol = query.symbol.trimmingCharacters(in: .whitespaces).uppercased()
            guard !symbol.isEmpty else {
                return .failure(OperationError(.invalidSymbol, message: "A security symbol is required."))
            }
            guard case .success(let account) = try await AccountOwnership.account(
                query.accountId, of: query.userId, accounts: accountRepository, connections: connectionRepository)
            else { return .failure(.accountNotFound) }
            let page = try await transactionRepository.list(
                accountId: account.id, filter: TransactionFilter(symbol: symbol), limit: query.limit, offset: query.offset)
            return .success(TransactionListResult(
                transactions: page.transactions.map(\.result), totalCount: page.totalCount,
                hasMore: query.offset + page.transactions.count < page.totalCount))
        }
    }
}
