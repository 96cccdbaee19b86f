import Foundation
import Hummingbird

/// An account's transactions (one route, three queries by its parameters): what the spec cannot bind yet. Every
/// query carries the caller's id from the token, never from the request, so nobody reads another user's data.
/// Accounts, holdings, snapshots and balance histories are generated from the spec.
enum AccountRoutes {
    static func add(to api: RouterGroup<AppRequestContext>) {
        api.get("accounts/:accountId/transactions") { request, context in
            let caller = try context.authenticatedClaims()
            let operations = try context.operations
            let page = try request.page()
            if let symbol = request.uri.queryParameters.get("symbol") {
                return JSONBody(try await operations.run(ListSecurityTransactions(
                    accountId: try context.id("accountId"), userId: caller.userId, symbol: symbol, limit: page.limit, offset: page.offset)))
            }
            if let start = request.uri.queryParameters.get("start_date") {
                guard let startDate = CalendarDate(iso8601: String(start)),
                      let endDate = request.uri.queryParameters.get("end_date").flatMap({ CalendarDate(iso8601: String($0)) })
                else { throw Problem.invalidRequest("start_date and end_date must both be YYYY-MM-DD.") }
                return JSONBody(try await operations.run(ListTransactionsByDateRange(
                    accountId: try context.id("accountId"), userId: caller.userId, startDate: startDate, endDate: endDate,
                    limit: page.limit, offset: page.offset)))
            }
            return JSONBody(try await operations.run(ListTransactionsByAccount(
                accountId: try context.id("accountId"), userId: caller.userId, limit: page.limit, offset: page.offset,
                transactionType: request.uri.queryParameters.get("transaction_type"))))
        }
    }
}
