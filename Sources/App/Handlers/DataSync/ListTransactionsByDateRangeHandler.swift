import CQRS
import Foundation

/// An account's transactions between two days, inclusive, newest first, one page at a time.
struct ListTransactionsByDateRangeHandler: ListTransactionsByDateRangeHandling {
    let transactionRepository: any TransactionRepository
    let accountRepository: any AccountRepository
    let connectionRepository: any ProviderConnectionRepository

    func handle(_ query: ListTransactionsByDateRange) async -> Result<TransactionListResult, OperationError> {
        await handling {
            guard query.startDate <= query.endDate else {
                return .failure(.invalidDateRange)
            }
            guard case .success(let account) = try await AccountOwnership.account(
                query.accountId, of: query.userId, accounts: accountRepository, connections: connectionRepository)
            else { return .failure(.accountNotFound) }
            let page = try await transactionRepository.list(
                accountId: account.id, filter: TransactionFilter(from: query.startDate, to: query.endDate), limit: query.limit,
                offset: query.offset)
            return .success(TransactionListResult(
                transactions: page.transactions.map(\.result), totalCount: page.totalCount,
                hasMore: query.offset + page.transactions.count < page.totalCount))
        }
    }
}
