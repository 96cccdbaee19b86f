import Foundation
import Hummingbird

/// Connecting a provider and syncing a connection: routes that compose operations. Credentials are encrypted here,
/// before the command sees them, so that only ciphertext is ever stored. Reading and disconnecting connections are
/// generated from the spec.
enum ProviderRoutes {
    struct Connect: Decodable {
        var providerSlug: String
        /// What the provider issued: an API key, an OAuth token. The sandbox takes any text.
        var credentials: String
        var credentialType: String?
        var alias: String?
    }
    struct Connected: Encodable, Sendable { var id: UUID }
    struct Synced: Encodable, Sendable {
        var accounts: SyncAccountsResult
        var transactions: SyncTransactionsResult
        /// By account id.
        var holdings: [String: SyncHoldingsResult]
    }
    /// The days to sync transactions for, `YYYY-MM-DD`; the last 30 days when absent.
    struct SyncRequest: Decodable { var startDate: String?; var endDate: String? }

    static func add(to api: RouterGroup<AppRequestContext>, _ environment: AppEnvironment) {
        api.post("providers") { request, context in
            let caller = try context.authenticatedClaims()
            let body = try await request.decodeBody(as: Connect.self, context: context)
            guard !body.credentials.isEmpty else { throw Problem.invalidRequest("'credentials' must not be empty.") }
            let operations = try context.operations
            guard let provider = try await DatabaseRequestScope(session: operations.session).providerRepository.find(slug: body.providerSlug) else {
                throw Problem(.notFound, code: "provider_not_found", detail: "Unknown provider '\(body.providerSlug)'.")
            }
            let encrypted = try environment.services.encryptionService.encrypt(Data(body.credentials.utf8))
            let id = try await operations.run(ConnectProvider(
                userId: caller.userId, providerId: provider.id, providerSlug: provider.slug,
                credentials: ProviderCredentials(encryptedData: encrypted, credentialType: body.credentialType ?? "api_key"),
                alias: body.alias))
            return JSONBody(Connected(id: id), status: .created)
        }
        // Sync everything of one connection: its accounts, their transactions, then the holdings of its investment
        // accounts. Each is its own command and transaction: a failed holdings sync keeps the accounts synced.
        api.post("providers/:connectionId/syncs") { request, context in
            let caller = try context.authenticatedClaims()
            let connectionId = try context.id("connectionId")
            let range = try await request.decodeBody(as: SyncRequest.self, context: context, ifEmpty: SyncRequest())
            func day(_ text: String?, _ name: String) throws -> CalendarDate? {
                guard let text else { return nil }
                guard let day = CalendarDate(iso8601: text) else { throw Problem.invalidRequest("'\(name)' must be YYYY-MM-DD.") }
                return day
            }
            let startDate = try day(range.startDate, "start_date"), endDate = try day(range.endDate, "end_date")
            let operations = try context.operations
            let accounts = try await operations.run(SyncAccounts(connectionId: connectionId, userId: caller.userId, force: true))
            let transactions = try await operations.run(SyncTransactions(
                connectionId: connectionId, userId: caller.userId, startDate: startDate, endDate: endDate, force: true))
            // By account id, for every investment account of the connection, page by page.
            var holdings: [String: SyncHoldingsResult] = [:]
            var offset = 0
            while true {
                let page = try await operations.run(ListAccountsByConnection(
                    connectionId: connectionId, userId: caller.userId, limit: 200, offset: offset))
                for account in page.accounts where account.isInvestment {
                    holdings[account.id.uuidString] = try await operations.run(
                        SyncHoldings(accountId: account.id, userId: caller.userId, force: true))
                }
                guard page.hasMore else { break }
                offset += page.accounts.count
            }
            return JSONBody(Synced(accounts: accounts, transactions: transactions, holdings: holdings))
        }
    }
}
