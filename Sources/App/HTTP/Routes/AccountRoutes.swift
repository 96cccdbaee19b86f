import Foundation
import Hummingbird

/// An account's transactions (one route, three queries by its parameters) and balance histories (days or instants):
/// what the spec cannot bind yet. Every query carries the caller's id from the token, never from the request, so
/// nobody reads another user's data. Accounts, holdings and snapshots are generated from the spec.
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
        // A period as days (`2026-11-01`, from its start in UTC) or instants (`2026-11-01T12:00:00Z`).
        api.get("accounts/:accountId/balance-history") { request, context in
            let caller = try context.authenticatedClaims()
            let (start, end) = try period(request)
            let page = try request.page()
            return JSONBody(try await context.operations.run(GetBalanceHistory(
                accountId: try context.id("accountId"), userId: caller.userId, startDate: start, endDate: end,
                source: request.uri.queryParameters.get("source"), limit: page.limit, offset: page.offset)))
        }
        api.get("balance-history") { request, context in
            let caller = try context.authenticatedClaims()
            let (start, end) = try period(request)
            let page = try request.page()
            return JSONBody(try await context.operations.run(GetUserBalanceHistory(
                userId: caller.userId, startDate: start, endDate: end, source: request.uri.queryParameters.get("source"),
                limit: page.limit, offset: page.offset)))
        }
    }

    /// `start_date` and `end_date`; a day as an end means the whole day.
    private static func period(_ request: Request) throws -> (Date, Date) {
        func instant(_ name: String, endOfDay: Bool) throws -> Date {
            guard let text = request.uri.queryParameters.get(name) else { throw Problem.invalidRequest("'\(name)' is required.") }
            if let day = CalendarDate(iso8601: text) { return endOfDay ? day.adding(days: 1).start.addingTimeInterval(-0.001) : day.start }
            guard let date = try? Date(text, strategy: .iso8601) else {
                throw Problem.invalidRequest("'\(name)' must be YYYY-MM-DD or an ISO 8601 instant.")
            }
            return date
        }
        return (try instant("start_date", endOfDay: false), try instant("end_date", endOfDay: true))
    }
}
