import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import App

/// A lost or replaced key file: the server starts, says so, and trusts nothing the old keys protected.
@Suite("The key file lost or replaced")
struct KeysCheckTests {
    @Test("after the key file is lost, old tokens are refused and the provider connection needs re-authentication")
    func lostKeys() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        let (ada, connectionId) = try await fixture.application().test(.router) { client in
            let ada = try await EndToEndTests.signUp(client, fixture, email: "ada@example.com")
            let connected = try await client.call(
                .post, "/api/v1/providers", json: ["provider_slug": "sandbox", "credentials": "sandbox-key"], token: ada.access)
            #expect(connected.status == .created)
            return (ada, try #require(connected.string("id")))
        }
        try FileManager.default.removeItem(atPath: fixture.keysPath)
        let restarted = try await fixture.restarted()
        let revoked = try await restarted.environment.database.scalar(
            Int.self, "SELECT COUNT(*) AS value FROM sessions WHERE revoked_reason = \(bind: KeysCheck.revocationReason)")
        #expect(revoked == 1)
        try await restarted.application().test(.router) { client in
            #expect(try await client.call(.get, "/api/v1/accounts", token: ada.access).status == .unauthorized)
            let refreshed = try await client.call(.post, "/api/v1/tokens", json: ["refresh_token": ada.refresh])
            #expect(refreshed.status == .unauthorized)
            #expect(refreshed.string("code") == "token_revoked")
            let login = try await client.call(.post, "/api/v1/sessions", json: ["email": "ada@example.com", "password": EndToEndTests.password])
            let access = try #require(login.string("access_token"))
            let connection = try await client.call(.get, "/api/v1/providers/\(connectionId)", token: access)
            #expect(connection["needs_reauthentication"] as? Bool == true)
            #expect(connection["is_connected"] as? Bool == false)
        }
    }

    @Test("the log line says what was found and what was done")
    func logLine() {
        let outcome = KeysCheck.Outcome(keysReplaced: true, revokedSessions: 5, revokedRefreshTokens: 7, expiredConnections: 1)
        #expect(outcome.logMessage(keysPath: "app.sqlite.keys") == """
            the key file app.sqlite.keys does not hold the keys this database was used with (lost or replaced): \
            5 sessions and 7 refresh tokens revoked, 1 provider connections need re-authentication
            """)
        #expect(KeysCheck.Outcome(keysReplaced: false).logMessage(keysPath: "k") == nil)
    }

    @Test("the same keys change nothing; a new database adopts its keys; other keys on a used database are replaced keys")
    func fingerprints() async throws {
        let (database, directory) = try await TestDatabase.open()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = AppSecrets.random()
        #expect(try await KeysCheck.check(keys, keysCreated: true, database: database, at: Date()) == .init(keysReplaced: false))
        #expect(try await KeysCheck.check(keys, keysCreated: false, database: database, at: Date()) == .init(keysReplaced: false))
        try await SQLUserRepository(session: database.session()).save(DatabaseSessionTests.user("ada@example.com"))
        #expect(try await KeysCheck.check(keys, keysCreated: false, database: database, at: Date()) == .init(keysReplaced: false))
        #expect(try await KeysCheck.check(AppSecrets.random(), keysCreated: false, database: database, at: Date()).keysReplaced)
    }
}
