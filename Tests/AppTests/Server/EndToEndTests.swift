import CQRS
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import App

/// The flows of the issue, through the routes, against a real SQLite file, and again after a restart on the same file.
@Suite("End to end: the API over a SQLite file")
struct EndToEndTests {
    static let password = "Str0ng!pass"
    static let safari = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15"

    /// Registers, verifies with the mailed token, and logs in: the access token, refresh token and session id.
    static func signUp(_ client: some TestClientProtocol, _ fixture: ServerFixture, email: String) async throws
        -> (access: String, refresh: String, session: String)
    {
        let registered = try await client.call(.post, "/api/v1/users", json: ["email": email, "password": password])
        #expect(registered.status == .created, "\(registered.text)")
        #expect(registered.string("message") == "Registered. Check your email for the verification token.")
        #expect(registered.string("id").flatMap(UUID.init(uuidString:)) != nil)
        let mail = try #require(await fixture.mails.sent.last { $0.to == email })
        let token = try #require(mail.body.split(whereSeparator: { !$0.isHexDigit }).map(String.init).first { $0.count == 64 })
        let verified = try await client.call(.post, "/api/v1/email-verifications", json: ["token": token])
        #expect(verified.status == .ok, "\(verified.text)")
        #expect(verified.string("message") == "Email verified. You can log in.")
        #expect(verified.string("user_id") == registered.string("id"))
        let login = try await client.call(.post, "/api/v1/sessions", json: ["email": email, "password": password], userAgent: safari)
        #expect(login.status == .created, "\(login.text)")
        return (try #require(login.string("access_token")), try #require(login.string("refresh_token")), try #require(login.string("session_id")))
    }

    @Test("register, verify, log in, import, page through transactions, sync, reset the password, revoke, log out; then restart")
    func flows() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        let (access, accountId) = try await fixture.application().test(.router) { client in
            let ada = try await Self.signUp(client, fixture, email: "ada@example.com")
            let access = ada.access

            // An unverified user cannot log in; a wrong password is 401 with its stable code.
            _ = try await client.call(.post, "/api/v1/users", json: ["email": "bob@example.com", "password": Self.password])
            let unverified = try await client.call(.post, "/api/v1/sessions", json: ["email": "bob@example.com", "password": Self.password])
            #expect(unverified.status == .forbidden)
            #expect(unverified.string("code") == "email_not_verified")
            #expect(unverified.headers[.contentType] == "application/problem+json")
            let wrong = try await client.call(.post, "/api/v1/sessions", json: ["email": "ada@example.com", "password": "nope"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.string("code") == "invalid_credentials")
            #expect(wrong.string("type") == "https://cqrs-gen.dev/problems/invalid-credentials")

            let sessions = try await client.call(.get, "/api/v1/sessions", token: access)
            let listed = try #require(sessions["sessions"] as? [[String: Any]])
            #expect(listed.count == 1)
            #expect(listed.first?["device_info"] as? String == "Safari on macOS")
            #expect(listed.first?["is_current"] as? Bool == true)

            // A CSV statement: 3 transactions into a new account; importing it again skips them all.
            let csv = Data("date,description,amount,balance\n2026-11-01,Salary,2500.00,\n2026-11-02,Rent,-1200.00,\n2026-11-03,\"Coffee, large\",-4.50,1295.50\n".utf8)
            let imported = try await client.call(.post, "/api/v1/imports?file_name=november.csv", bytes: csv, token: access)
            #expect(imported.status == .created, "\(imported.text)")
            #expect(imported["transactions_created"] as? Int == 3)
            let again = try await client.call(.post, "/api/v1/imports?file_name=november.csv", bytes: csv, token: access)
            #expect(again["transactions_skipped"] as? Int == 3)

            // An OFX statement adds a second account.
            let ofx = Data("""
                OFXHEADER:100
                <OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD
                <BANKACCTFROM><BANKID>123<ACCTID>987654321<ACCTTYPE>SAVINGS</BANKACCTFROM>
                <BANKTRANLIST><STMTTRN><TRNTYPE>INT<DTPOSTED>20261128<TRNAMT>12.34<FITID>F1<NAME>Interest</STMTTRN></BANKTRANLIST>
                <LEDGERBAL><BALAMT>5012.34<DTASOF>20261128</LEDGERBAL>
                </STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
                """.utf8)
            let ofxImport = try await client.call(.post, "/api/v1/imports?format=ofx", bytes: ofx, token: access)
            #expect(ofxImport["accounts_created"] as? Int == 1, "\(ofxImport.text)")
            // The file is the body, whatever its type, up to the route's limit; its format from the name or the query.
            let tooLarge = try await client.call(
                .post, "/api/v1/imports?format=csv", bytes: Data(count: ImportFromFileHandler.maximumFileSize + 1), token: access)
            #expect(tooLarge.status == .contentTooLarge && tooLarge.string("code") == "content_too_large")
            let empty = try await client.call(.post, "/api/v1/imports?format=csv", bytes: Data(), token: access)
            #expect(empty.string("detail") == "The request cannot be read: 'body' (body) is missing.")
            let unknownFormat = try await client.call(.post, "/api/v1/imports?file_name=statement.pdf", bytes: csv, token: access)
            #expect(unknownFormat.status == .unsupportedMediaType && unknownFormat.string("code") == "unsupported_format")

            let accounts = try #require(try await client.call(.get, "/api/v1/accounts", token: access)["accounts"] as? [[String: Any]])
            #expect(accounts.count == 2)
            let checking = try #require(accounts.first { $0["provider_account_id"] as? String == "CSV-IMPORT" })
            #expect(checking["balance_amount"] as? Double == 1295.5)
            let accountId = try #require(checking["id"] as? String)

            // Page by page, newest first, with has_more; an unbounded page is refused before any handler runs.
            let page1 = try await client.call(.get, "/api/v1/accounts/\(accountId)/transactions?limit=2&offset=0", token: access)
            #expect((page1["transactions"] as? [[String: Any]])?.map { $0["description"] as? String } == ["Coffee, large", "Rent"])
            #expect(page1["has_more"] as? Bool == true)
            #expect(page1["total_count"] as? Int == 3)
            let page2 = try await client.call(.get, "/api/v1/accounts/\(accountId)/transactions?limit=2&offset=2", token: access)
            #expect((page2["transactions"] as? [[String: Any]])?.count == 1)
            #expect(page2["has_more"] as? Bool == false)
            let unbounded = try await client.call(.get, "/api/v1/accounts/\(accountId)/transactions?limit=100000", token: access)
            #expect(unbounded.status == .badRequest)
            #expect(unbounded.string("code") == "invalid_limit")
            // One path, three queries: two days (the last included whole), one security, or the whole list.
            let transactions = "/api/v1/accounts/\(accountId)/transactions"
            let twoDays = try await client.call(.get, "\(transactions)?start_date=2026-11-02&end_date=2026-11-03", token: access)
            #expect((twoDays["transactions"] as? [[String: Any]])?.map { $0["description"] as? String } == ["Coffee, large", "Rent"])
            let halfPeriod = try await client.call(.get, "\(transactions)?start_date=2026-11-02", token: access)
            #expect(halfPeriod.string("detail") == "The request cannot be read: 'end_date' (query) is missing.")
            let bySymbol = try await client.call(.get, "\(transactions)?symbol=AAPL", token: access)
            #expect(bySymbol.status == .ok && bySymbol["total_count"] as? Int == 0, "\(bySymbol.text)")

            // The sandbox provider: connect with credentials (stored encrypted), sync, read holdings and snapshots.
            let connected = try await client.call(.post, "/api/v1/providers", json: ["provider_slug": "sandbox", "credentials": "sandbox-key"], token: access)
            #expect(connected.status == .created, "\(connected.text)")
            let connectionId = try #require(connected.string("id"))
            let synced = try await client.call(.post, "/api/v1/providers/\(connectionId)/syncs", token: access)
            #expect(synced.status == .ok, "\(synced.text)")
            #expect((synced["accounts"] as? [String: Any])?["created"] as? Int == 3)
            // A chosen period: 2026-11-01 to 2026-11-10 is 10 days of checking, the 10th's brokerage trade and no interest.
            let period = try await client.call(
                .post, "/api/v1/providers/\(connectionId)/syncs?start_date=2026-11-01&end_date=2026-11-10", token: access)
            #expect((period["transactions"] as? [String: Any])?["message"] as? String
                == "Synced transactions of 3 accounts from 2026-11-01 to 2026-11-10.", "\(period.text)")
            let badDay = try await client.call(.post, "/api/v1/providers/\(connectionId)/syncs?start_date=Nov%201", token: access)
            #expect(badDay.status == .badRequest)
            #expect(badDay.string("detail") == "The request cannot be read: 'start_date' (query) must be a day (YYYY-MM-DD) or an ISO 8601 date and time.")
            let health = try await client.call(.get, "/health")
            #expect((health["cache"] as? [String: Int])?["account_list.miss"] != nil, "\(health.text)")
            let holdings = try #require(try await client.call(.get, "/api/v1/holdings", token: access)["holdings"] as? [[String: Any]])
            #expect(Set(holdings.compactMap { $0["symbol"] as? String }) == ["AAPL", "VTI"])
            let latest = try #require(try await client.call(.get, "/api/v1/balance-snapshots/latest", token: access)["snapshots"] as? [[String: Any]])
            #expect(latest.count == 5, "one per account: two imported, three synced")
            let history = try await client.call(.get, "/api/v1/balance-history?start_date=2000-01-01&end_date=2100-12-31", token: access)
            // Imports snapshot every account of their connection (1, 1, then 2); each of the two syncs its 3 accounts and
            // its holdings account.
            #expect(history["total_count"] as? Int == 12, "\(history.text)")
            // A day as the end includes the whole day: today's snapshots are in a period that ends today; instants work too.
            let today = Date().formatted(Date.ISO8601FormatStyle().year().month().day())
            let untilToday = try await client.call(
                .get, "/api/v1/accounts/\(accountId)/balance-history?start_date=2000-01-01&end_date=\(today)", token: access)
            #expect((untilToday["total_count"] as? Int ?? 0) > 0, "\(untilToday.text)")
            let instants = try await client.call(
                .get, "/api/v1/accounts/\(accountId)/balance-history?start_date=2000-01-01T00:00:00Z&end_date=2000-01-02T00:00:00.5%2B01:00",
                token: access)
            #expect(instants.status == .ok && instants["total_count"] as? Int == 0, "\(instants.text)")
            let badPeriod = try await client.call(.get, "/api/v1/balance-history?start_date=yesterday&end_date=2100-12-31", token: access)
            #expect(badPeriod.status == .badRequest)
            #expect(badPeriod.string("detail")
                == "The request cannot be read: 'start_date' (query) must be a day (YYYY-MM-DD) or an ISO 8601 date and time.")
            let stored = try await fixture.environment.database.scalar(
                Data.self, "SELECT credentials_data AS value FROM provider_connections WHERE credentials_data IS NOT NULL")
            #expect(stored != nil && stored != Data("sandbox-key".utf8), "credentials are stored encrypted")
            #expect(stored.map { String(decoding: $0, as: UTF8.self).contains("sandbox-key") } == false)

            // Refresh rotates: the new refresh token works once, the old one never again.
            let refreshed = try await client.call(.post, "/api/v1/tokens", json: ["refresh_token": ada.refresh])
            #expect(refreshed.status == .ok, "\(refreshed.text)")
            let reused = try await client.call(.post, "/api/v1/tokens", json: ["refresh_token": ada.refresh])
            #expect(reused.string("code") == "token_revoked")

            // Password reset: the mailed token sets a new password; the old one stops working.
            let requested = try await client.call(.post, "/api/v1/password-resets", json: ["email": "ada@example.com"])
            #expect(requested.status == .accepted)
            let unknown = try await client.call(.post, "/api/v1/password-resets", json: ["email": "nobody@example.com"])
            #expect(unknown.status == .accepted, "the response does not tell whether an account exists")
            let resetMail = try #require(await fixture.mails.sent.last { $0.to == "ada@example.com" && $0.subject.lowercased().contains("reset") })
            let resetToken = try #require(resetMail.body.split(whereSeparator: { !$0.isHexDigit }).map(String.init).first { $0.count == 64 })
            let confirmed = try await client.call(
                .post, "/api/v1/password-resets/confirmations", json: ["token": resetToken, "new_password": "N3w!password"])
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            // The spec marks PasswordResetConfirmSucceeded `email` and audits it: the owner is told once it committed.
            #expect(await fixture.mails.sent.last?.subject == "Your password was changed")
            let audited = try await AuditLog(database: fixture.environment.database, clock: fixture.environment.services.clock).entries()
            #expect(audited.last?.action == "USER_PASSWORD_RESET_COMPLETED")
            // The reset logged the user out everywhere: the access token from before it stops at once.
            let beforeReset = try await client.call(.get, "/api/v1/accounts", token: access)
            #expect(beforeReset.status == .unauthorized)
            #expect(beforeReset.string("code") == "session_revoked")
            let oldPassword = try await client.call(.post, "/api/v1/sessions", json: ["email": "ada@example.com", "password": Self.password])
            #expect(oldPassword.status == .unauthorized)
            let second = try await client.call(.post, "/api/v1/sessions", json: ["email": "ada@example.com", "password": "N3w!password"])
            #expect(second.status == .created)
            let secondAccess = try #require(second.string("access_token"))
            let third = try await client.call(.post, "/api/v1/sessions", json: ["email": "ada@example.com", "password": "N3w!password"])
            let thirdAccess = try #require(third.string("access_token"))
            let thirdSession = try #require(third.string("session_id"))

            // Revoking a session ends its access token at once; logging out ends the caller's own.
            #expect(try await client.call(.delete, "/api/v1/sessions/\(thirdSession)", token: secondAccess).status == .noContent)
            let revoked = try await client.call(.get, "/api/v1/accounts", token: thirdAccess)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.string("code") == "session_revoked")
            return (secondAccess, accountId)
        }

        // The same files after a restart: the data and the signing key are still there.
        let restarted = try await fixture.restarted()
        try await restarted.application().test(.router) { client in
            let accounts = try await client.call(.get, "/api/v1/accounts", token: access)
            #expect(accounts.status == .ok, "\(accounts.text)")
            #expect((accounts["accounts"] as? [[String: Any]])?.count == 5)
            let page = try await client.call(.get, "/api/v1/accounts/\(accountId)/transactions?limit=10", token: access)
            #expect(page["total_count"] as? Int == 3)
            let login = try await client.call(.post, "/api/v1/sessions", json: ["email": "ada@example.com", "password": "N3w!password"])
            #expect(login.status == .created)
        }
    }

    @Test("a user can never read or change another user's data")
    func isolation() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let ada = try await Self.signUp(client, fixture, email: "ada@example.com")
            let eve = try await Self.signUp(client, fixture, email: "eve@example.com")
            let csv = Data("date,description,amount\n2026-11-01,Salary,2500.00\n".utf8)
            _ = try await client.call(.post, "/api/v1/imports?format=csv", bytes: csv, token: ada.access)
            let accounts = try #require(try await client.call(.get, "/api/v1/accounts", token: ada.access)["accounts"] as? [[String: Any]])
            let accountId = try #require(accounts.first?["id"] as? String)

            #expect(try await client.call(.get, "/api/v1/accounts/\(accountId)", token: eve.access).status == .notFound)
            #expect(try await client.call(.get, "/api/v1/accounts/\(accountId)/transactions", token: eve.access).status == .notFound)
            #expect((try await client.call(.get, "/api/v1/accounts", token: eve.access)["accounts"] as? [Any])?.isEmpty == true)
            // Eve cannot revoke Ada's session: it is not found for her, and Ada's token keeps working.
            #expect(try await client.call(.delete, "/api/v1/sessions/\(ada.session)", token: eve.access).status == .notFound)
            #expect(try await client.call(.get, "/api/v1/accounts", token: ada.access).status == .ok)
            // No token, or a forged one, is 401.
            #expect(try await client.call(.get, "/api/v1/accounts").status == .unauthorized)
            let forged = ada.access.dropLast(2) + (ada.access.hasSuffix("AA") ? "BB" : "AA")
            #expect(try await client.call(.get, "/api/v1/accounts", token: String(forged)).string("code") == "token_invalid")
            // A scheme's name is case-insensitive; another scheme carries no bearer token at all.
            for scheme in ["bearer", "BEARER"] {
                let response = try await client.execute(
                    uri: "/api/v1/accounts", method: .get, headers: [.authorization: "\(scheme) \(ada.access)"])
                #expect(response.status == .ok, "\(scheme)")
            }
            let basic = try await client.execute(uri: "/api/v1/accounts", method: .get, headers: [.authorization: "Basic YWRhOnB3"])
            #expect(basic.status == .unauthorized)
        }
    }
}

/// The session routes the spec generates: one session revoked by id (204, its result dropped), and every other
/// session at once, answered under the member the spec names.
@Suite("End to end: revoking sessions")
struct SessionRevocationTests {
    @Test("DELETE /sessions revokes every other session and says how many; DELETE /sessions/{id} answers 204")
    func revokeOthers() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let first = try await EndToEndTests.signUp(client, fixture, email: "ada@example.com")
            let login = { try await client.call(.post, "/api/v1/sessions", json: ["email": "ada@example.com", "password": EndToEndTests.password]) }
            let second = try await login(), third = try await login()
            let secondAccess = try #require(second.string("access_token")), thirdAccess = try #require(third.string("access_token"))
            let thirdSession = try #require(third.string("session_id"))

            let revoked = try await client.call(.delete, "/api/v1/sessions/\(thirdSession)", token: secondAccess)
            #expect(revoked.status == .noContent)
            #expect(revoked.text.isEmpty, "the revoked session's id is dropped: the route answers none")
            #expect(try await client.call(.get, "/api/v1/sessions", token: thirdAccess).string("code") == "session_revoked")
            let again = try await client.call(.delete, "/api/v1/sessions/\(thirdSession)", token: secondAccess)
            #expect(again.status == .conflict)
            #expect(again.string("code") == "session_already_revoked")

            let everywhere = try await client.call(.delete, "/api/v1/sessions", token: first.access)
            #expect(everywhere.status == .ok, "\(everywhere.text)")
            #expect(everywhere.text == #"{"revoked_count":1}"#, "the second session; the caller's own is kept")
            #expect(try await client.call(.get, "/api/v1/sessions", token: secondAccess).status == .unauthorized)
            #expect(try await client.call(.get, "/api/v1/sessions", token: first.access).status == .ok)
        }
    }
}
