import CQRS
import Foundation

/// An account's transactions between two days, inclusive, newest first, one page at a time.
struct ListTransactionsByDateRangeHandler: ListTransactionsByDateRangeHandling {
    let transactionRepository: any TransactionRepository
    let accountRepository: any AccountRepository
    let connectionRepository: any ProviderConnectionRepository

    func handle(_ query: ListTransactionsByDateRange) async -> Result<TransactionListResult, OperationError> {
        // Each instant stands for the day it falls on in UTC.
        let from = CalendarDate(query.startDate), to = CalendarDate(query.endDate)
        return await handling {
            guard from <= to else {
                return .failure(.invalidDateRange)
            }
            guard case .success(let account) = try await AccountOwnership.account(
                query.accountId, of: query.userId, accounts: accountRepository, connections: connectionRepository)
            else { return .failure(.accountNotFound) }
            let page = try await transactionRepository.list(
                accountId: account.id, filter: TransactionFilter(from: from, to: to), limit: query.limit,
                offset: query.offset)
            return .success(TransactionListResult(
                transactions: page.transactions.map(\.result), totalCount: page.totalCount,
                hasMore: query.offset + page.transactions.count < page.totalCount))
        }
    }
}
