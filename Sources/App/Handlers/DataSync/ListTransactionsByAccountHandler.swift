import CQRS
import Foundation

/// One page of an account's transactions, newest first, optionally of one type.
struct ListTransactionsByAccountHandler: ListTransactionsByAccountHandling {
    let transactionRepository: any TransactionRepository
    let accountRepository: any AccountRepository
    let connectionRepository: any ProviderConnectionRepository

    func handle(_ query: ListTransactionsByAccount) async -> Result<TransactionListResult, OperationError> {
        await handling {
            guard case .success(let account) = try await AccountOwnership.account(
                query.accountId, of: query.userId, accounts: accountRepository, connections: connectionRepository)
            else { return .failure(.accountNotFound) }
            let page = try await transactionRepository.list(
                accountId: account.id, filter: TransactionFilter(transactionType: query.transactionType), limit: query.limit,
                offset: query.offset)
            return .success(TransactionListResult(
                transactions: page.transactions.map(\.result), totalCount: page.totalCount,
                hasMore: query.offset + page.transactions.count < page.totalCount))
        }
    }
}
