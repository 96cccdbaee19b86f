import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import App

/// Every request has a correlation id, which its operations and events carry and its response echoes.
@Suite("Request ids")
struct RequestIdTests {
    @Test("a plausible X-Request-Id is kept and echoed; an implausible or missing one is replaced by a new UUID")
    func echoed() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let kept = try await client.execute(uri: "/health", method: .get, headers: [RequestScopeMiddleware.requestIdHeader: "client-42:a.b_c"])
            #expect(kept.headers[RequestScopeMiddleware.requestIdHeader] == "client-42:a.b_c")
            let hostile = try await client.execute(uri: "/health", method: .get, headers: [RequestScopeMiddleware.requestIdHeader: "a b\u{1B}[2J"])
            let replaced = try #require(hostile.headers[RequestScopeMiddleware.requestIdHeader])
            #expect(UUID(uuidString: replaced) != nil)
            let missing = try await client.execute(uri: "/api/v1/nothing", method: .get)
            #expect(UUID(uuidString: missing.headers[RequestScopeMiddleware.requestIdHeader] ?? "") != nil, "problems carry it too")
        }
        #expect(RequestScopeMiddleware.plausibleRequestId(String(repeating: "a", count: 129)) == nil)
        #expect(RequestScopeMiddleware.plausibleRequestId("") == nil)
    }

    @Test("every event a request causes reaches its subscribers with the request's id, its caller and its operation")
    func eventsCarryTheContext() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let registered = try await client.call(
                .post, "/api/v1/users", json: ["email": "ada@example.com", "password": EndToEndTests.password], requestId: "signup-1")
            #expect(registered.status == .created)
            let registration = await fixture.events.envelopes
            #expect(registration.map(\.event.name) == [.userRegistrationAttempted, .userRegistrationSucceeded])
            #expect(registration.allSatisfy { $0.context.correlationId == "signup-1" && $0.context.caller == nil })
            #expect(registration.allSatisfy { $0.operation == "RegisterUser" })

            let ada = try await EndToEndTests.signUp(client, fixture, email: "bob@example.com")
            let userId = try #require(await fixture.events.events.last { $0.name == .userRegistrationSucceeded }?.payloadValue("user_id"))
            await fixture.events.clear()
            let loggedOut = try await client.call(
                .post, "/api/v1/sessions/current/logout", json: ["refresh_token": ada.refresh], token: ada.access,
                requestId: "logout-7")
            #expect(loggedOut.status == .ok, "\(loggedOut.text)")
            let logout = await fixture.events.envelopes
            #expect(!logout.isEmpty)
            #expect(logout.allSatisfy { $0.context.correlationId == "logout-7" && $0.context.caller == userId })
        }
    }
}
