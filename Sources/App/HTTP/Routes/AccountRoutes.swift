import Foundation
import Hummingbird

/// Accounts and what they hold: transactions page by page, holdings and balance snapshots. Every query carries the
/// caller's id from the token, never from the request, so nobody reads another user's data.
enum AccountRoutes {
    static func add(to api: RouterGroup<AppRequestContext>, _ environment: AppEnvironment) {
        api.get("accounts") { request, context in
            let caller = try context.caller()
            let type = try request.uri.queryParameters.get("account_type").map { text in
                guard let type = AccountType(rawValue: text) else { throw Problem.invalidRequest("Unknown account_type '\(text)'.") }
                return type
            }
            return JSONBody(try await environment.operations().run(ListAccountsByUser(
                userId: caller.userId, activeOnly: try request.query("active_only", as: Bool.self) ?? false, accountType: type)))
        }
        api.get("accounts/:id") { _, context in
            let caller = try context.caller()
            return JSONBody(try await environment.operations().run(GetAccount(accountId: try context.id(), userId: caller.userId)))
        }
        api.get("accounts/:id/transactions") { request, context in
            let caller = try context.caller()
            let operations = environment.operations()
            if let symbol = request.uri.queryParameters.get("symbol") {
                return JSONBody(try await operations.run(ListSecurityTransactions(
                    accountId: try context.id(), userId: caller.userId, symbol: symbol,
                    limit: try request.query("limit", as: Int.self) ?? 50, offset: try request.query("offset", as: Int.self) ?? 0)))
            }
            if let start = request.uri.queryParameters.get("start_date") {
                guard let startDate = CalendarDate(iso8601: String(start)),
                      let endDate = request.uri.queryParameters.get("end_date").flatMap({ CalendarDate(iso8601: String($0)) })
                else { throw Problem.invalidRequest("start_date and end_date must both be YYYY-MM-DD.") }
                return JSONBody(try await operations.run(ListTransactionsByDateRange(
                    accountId: try context.id(), userId: caller.userId, startDate: startDate, endDate: endDate)))
            }
            return JSONBody(try await operations.run(ListTransactionsByAccount(
                accountId: try context.id(), userId: caller.userId, limit: try request.query("limit", as: Int.self) ?? 50,
                offset: try request.query("offset", as: Int.self) ?? 0,
                transactionType: request.uri.queryParameters.get("transaction_type"))))
        }
        api.get("transactions/:id") { _, context in
            let caller = try context.caller()
            return JSONBody(try await environment.operations().run(GetTransaction(transactionId: try context.id(), userId: caller.userId)))
        }
        api.get("accounts/:id/holdings") { request, context in
            let caller = try context.caller()
            return JSONBody(try await environment.operations().run(ListHoldingsByAccount(
                accountId: try context.id(), userId: caller.userId, activeOnly: try request.query("active_only", as: Bool.self) ?? true,
                assetType: request.uri.queryParameters.get("asset_type"))))
        }
        api.get("holdings") { _, context in
            let caller = try context.caller()
            return JSONBody(try await environment.operations().run(ListHoldingsByUser(userId: caller.userId)))
        }
        api.get("holdings/:id") { _, context in
            let caller = try context.caller()
            return JSONBody(try await environment.operations().run(GetHolding(holdingId: try context.id(), userId: caller.userId)))
        }
        api.get("accounts/:id/balance-snapshots") { request, context in
            let caller = try context.caller()
            return JSONBody(try await environment.operations().run(ListBalanceSnapshotsByAccount(
                accountId: try context.id(), userId: caller.userId, limit: try request.query("limit", as: Int.self),
                source: request.uri.queryParameters.get("source"))))
        }
        api.get("balance-snapshots/latest") { _, context in
            let caller = try context.caller()
            return JSONBody(try await environment.operations().run(GetLatestBalanceSnapshots(userId: caller.userId)))
        }
    }
}
