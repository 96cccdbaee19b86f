import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import App

/// Every list the API answers is a page: 50 rows unless asked, at most 200, with the total and whether more follow.
@Suite("Bounded lists")
struct PaginationTests {
    @Test("a date range over all time answers one page of 50, not every transaction; the rest follow page by page")
    func dateRange() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let access = try await EndToEndTests.signUp(client, fixture, email: "ada@example.com").access
            var csv = "date,description,amount,id\n"
            for row in 0..<120 { csv += "2026-10-\(String(format: "%02d", row % 28 + 1)),Row \(row),-1.00,R\(row)\n" }
            let imported = try await client.call(.post, "/api/v1/imports?format=csv", bytes: Data(csv.utf8), token: access)
            #expect(imported.status == .created)
            let accounts = try await client.call(.get, "/api/v1/accounts", token: access)
            let accountId = try #require((accounts["accounts"] as? [[String: Any]])?.first?["id"] as? String)
            let range = "/api/v1/accounts/\(accountId)/transactions?start_date=0001-01-01&end_date=9999-12-31"

            let first = try await client.call(.get, range, token: access)
            #expect((first["transactions"] as? [Any])?.count == 50)
            #expect(first["total_count"] as? Int == 120)
            #expect(first["has_more"] as? Bool == true)
            let last = try await client.call(.get, range + "&limit=200&offset=100", token: access)
            #expect((last["transactions"] as? [Any])?.count == 20)
            #expect(last["has_more"] as? Bool == false)
            let tooMany = try await client.call(.get, range + "&limit=201", token: access)
            #expect(tooMany.status == .badRequest)
            #expect(tooMany.string("code") == "invalid_limit")
        }
    }

    @Test("sessions, connections, accounts, holdings and snapshots are pages with their totals over every row")
    func everyList() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let access = try await EndToEndTests.signUp(client, fixture, email: "ada@example.com").access
            for _ in 0..<2 {
                _ = try await client.call(.post, "/api/v1/sessions", json: ["email": "ada@example.com", "password": EndToEndTests.password])
            }
            let sessions = try await client.call(.get, "/api/v1/sessions?limit=2", token: access)
            #expect((sessions["sessions"] as? [Any])?.count == 2)
            #expect(sessions["total_count"] as? Int == 3)
            #expect(sessions["active_count"] as? Int == 3)
            #expect(sessions["has_more"] as? Bool == true)

            let connected = try await client.call(
                .post, "/api/v1/providers", json: ["provider_slug": "sandbox", "credentials": "sandbox-key"], token: access)
            let connectionId = try #require(connected.string("id"))
            #expect(try await client.call(.post, "/api/v1/providers/\(connectionId)/syncs", token: access).status == .ok)

            let accounts = try await client.call(.get, "/api/v1/accounts?limit=1&offset=1", token: access)
            #expect((accounts["accounts"] as? [Any])?.count == 1)
            #expect(accounts["total_count"] as? Int == 3)
            #expect(accounts["has_more"] as? Bool == true)
            let all = try await client.call(.get, "/api/v1/accounts", token: access)
            #expect(accounts["total_balance_by_currency"] as? [String: String] == all["total_balance_by_currency"] as? [String: String],
                    "totals are over every account, not the page")

            let holdings = try await client.call(.get, "/api/v1/holdings?limit=1", token: access)
            #expect((holdings["holdings"] as? [Any])?.count == 1)
            #expect(holdings["total_count"] as? Int == 2)
            #expect(holdings["has_more"] as? Bool == true)

            let latest = try await client.call(.get, "/api/v1/balance-snapshots/latest?limit=2", token: access)
            #expect((latest["snapshots"] as? [Any])?.count == 2)
            #expect(latest["total_count"] as? Int == 3)

            let providers = try await client.call(.get, "/api/v1/providers?limit=1", token: access)
            #expect((providers["connections"] as? [Any])?.count == 1)
            #expect(providers["has_more"] as? Bool == false)

            for path in ["/api/v1/sessions", "/api/v1/accounts", "/api/v1/holdings", "/api/v1/balance-snapshots/latest", "/api/v1/providers"] {
                let refused = try await client.call(.get, path + "?limit=0", token: access)
                #expect(refused.string("code") == "invalid_limit", "\(path)")
            }
        }
    }
}
