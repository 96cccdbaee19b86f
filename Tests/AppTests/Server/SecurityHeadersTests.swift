import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import App

/// What every response carries, whatever route or error produced it, and what an unknown path answers.
@Suite("Security headers and unknown routes")
struct SecurityHeadersTests {
    @Test("success, error and unknown-route responses all carry nosniff, no-store, a closed CSP and no referrer")
    func headers() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let health = try await client.call(.get, "/health")
            let unauthenticated = try await client.call(.get, "/api/v1/accounts")
            let unknown = try await client.call(.get, "/api/v1/nothing-here")
            #expect(health.status == .ok)
            #expect(unauthenticated.status == .unauthorized)
            for response in [health, unauthenticated, unknown] {
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.contentSecurityPolicy] == "default-src 'none'; frame-ancestors 'none'")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            }
        }
    }

    @Test("an unknown path answers a 404 problem, not an empty body")
    func unknownRoute() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let unknown = try await client.call(.get, "/api/v1/nothing-here")
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.contentType] == "application/problem+json")
            #expect(unknown.string("code") == "route_not_found")
        }
    }
}
