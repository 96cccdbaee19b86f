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
}
