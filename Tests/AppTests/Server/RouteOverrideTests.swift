import CQRS
import CQRSHummingbird
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import App

/// Route tests that replace handlers through the generated override hook, as Dashtam's API tests do with FastAPI's
/// `dependency_overrides`: the route, its JSON and its status codes are tested without the handler's real work.
@Suite("Routes with handlers overridden")
struct RouteOverrideTests {
    struct StubAuthenticate: AuthenticateUserHandling {
        let user: AuthenticatedUser
        func handle(_ command: AuthenticateUser) async -> Result<AuthenticatedUser, OperationError> {
            command.password == "let me in" ? .success(user) : .failure(AuthenticateUserHandler.invalidCredentials)
        }
    }

    struct StubAccounts: ListAccountsByUserHandling {
        func handle(_ query: ListAccountsByUser) async -> Result<AccountListResult, OperationError> {
            .success(AccountListResult(accounts: [], totalCount: 42, hasMore: true, activeCount: 7, totalBalanceByCurrency: ["EUR": "1.50"]))
        }
    }

    struct FailingImport: ImportFromFileHandling {
        func handle(_ command: ImportFromFile) async -> Result<ImportResult, OperationError> {
            .failure(OperationError(.providerNotFound, message: "No provider '\(command.providerSlug)'."))
        }
    }

    @Test("POST /sessions runs the overridden AuthenticateUser, then the real CreateSession and GenerateAuthTokens")
    func loginWithStubbedAuthentication() async throws {
        let userId = UUID()
        var overrides = Dispatcher.Overrides()
        overrides.authenticateUser = { _ in StubAuthenticate(user: AuthenticatedUser(userId: userId, email: "stub@example.com", roles: ["user"])) }
        let fixture = try await ServerFixture.make(overrides: overrides)
        defer { fixture.removeFiles() }
        // CreateSession needs the user's row; it is the only real data the flow needs.
        try await SQLUserRepository(session: fixture.environment.database.session()).save(User(
            id: userId, email: "stub@example.com", passwordHash: "unused", roles: ["user"], isVerified: true, isActive: true,
            failedLoginAttempts: 0, lockedUntil: nil, tokenVersion: 1, tokenVersionChangedAt: nil, createdAt: Date(), updatedAt: Date()))
        try await fixture.application().test(.router) { client in
            let login = try await client.call(.post, "/api/v1/sessions", json: ["email": "stub@example.com", "password": "let me in"])
            #expect(login.status == .created, "\(login.text)")
            let claims = try await fixture.environment.services.tokenGenerator.claims(from: try #require(login.string("access_token")))
            #expect(claims.userId == userId)
            #expect(claims.sessionId.uuidString == login.string("session_id"))
            let refused = try await client.call(.post, "/api/v1/sessions", json: ["email": "stub@example.com", "password": "no"])
            #expect(refused.status == .unauthorized)
            #expect(refused.json["code"] as? String == "invalid_credentials")
        }
    }

    @Test("GET /accounts returns what the overridden query handler returns, as snake_case JSON")
    func stubbedQuery() async throws {
        var overrides = Dispatcher.Overrides()
        overrides.listAccountsByUser = { _ in StubAccounts() }
        let fixture = try await ServerFixture.make(overrides: overrides)
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let signedUp = try await EndToEndTests.signUp(client, fixture, email: "ada@example.com")
            let accounts = try await client.call(.get, "/api/v1/accounts", token: signedUp.access)
            #expect(accounts.status == .ok)
            #expect(accounts.json["total_count"] as? Int == 42)
            #expect(accounts.json["active_count"] as? Int == 7)
            #expect(accounts.json["total_balance_by_currency"] as? [String: String] == ["EUR": "1.50"])
        }
    }

    @Test("a handler's failure becomes an RFC 9457 problem with the status its code means")
    func problemDetails() async throws {
        var overrides = Dispatcher.Overrides()
        overrides.importFromFile = { _ in FailingImport() }
        let fixture = try await ServerFixture.make(overrides: overrides)
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let signedUp = try await EndToEndTests.signUp(client, fixture, email: "ada@example.com")
            let problem = try await client.call(.post, "/api/v1/imports?format=csv&provider=acme", bytes: Data("x".utf8), token: signedUp.access)
            #expect(problem.status == .notFound)
            #expect(problem.headers[.contentType] == "application/problem+json")
            let body = try JSONDecoder().decode(ProblemDetails.self, from: problem.body)
            #expect(body == ProblemDetails(
                status: .notFound, code: "provider_not_found", detail: "No provider 'acme'.", typeBase: "https://cqrs-gen.dev/problems/",
                instance: "/api/v1/imports"))

            let malformed = try await client.call(.post, "/api/v1/users", json: ["email": "x@example.com"])
            #expect(malformed.status == .badRequest)
            #expect(malformed.string("code") == "invalid_request")
            // A generated route names each missing field, and where it is.
            #expect(malformed.string("detail") == "The request cannot be read: 'password' (body) is missing.")
            let badFormat = try await client.call(.post, "/api/v1/imports?format=pdf", bytes: Data("x".utf8), token: signedUp.access)
            #expect(badFormat.status == .badRequest)
            #expect(badFormat.string("detail") == "The request cannot be read: 'format' (query) must be one of 'qfx', 'ofx', 'csv'.")
        }
    }
}
