import CQRS
import CQRSTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import App

/// Dashtam's limits: logins 5 a minute per address and per account, registrations and reset requests 3; a limited
/// request answers 429 with Retry-After, and the window slides with the clock.
@Suite("Rate limits")
struct RateLimitTests {
    @Test("the sixth login in a minute from one address is 429 with Retry-After; the window slides with the clock")
    func loginsPerAddress() async throws {
        let fixture = try await ServerFixture.make(limitsRates: true)
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            for guess in 0..<5 {
                let login = try await client.call(.post, "/api/v1/sessions", json: ["email": "user\(guess)@example.com", "password": "x"])
                #expect(login.status == .unauthorized)
            }
            let limited = try await client.call(.post, "/api/v1/sessions", json: ["email": "other@example.com", "password": "x"])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.string("code") == "rate_limited")
            #expect(limited.headers[.retryAfter] == "60")
            fixture.clock.advance(by: .seconds(45))
            #expect(try await client.call(.post, "/api/v1/sessions", json: ["email": "a@example.com", "password": "x"]).headers[.retryAfter] == "15")
            fixture.clock.advance(by: .seconds(15))
            #expect(try await client.call(.post, "/api/v1/sessions", json: ["email": "a@example.com", "password": "x"]).status == .unauthorized)
        }
    }

    @Test("registrations and reset requests: 3 a minute per address")
    func registrationsAndResets() async throws {
        let fixture = try await ServerFixture.make(limitsRates: true)
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            for index in 0..<3 {
                let registered = try await client.call(.post, "/api/v1/users", json: ["email": "u\(index)@example.com", "password": "Str0ng!pass"])
                #expect(registered.status == .created)
                let reset = try await client.call(.post, "/api/v1/password-resets", json: ["email": "u\(index)@example.com"])
                #expect(reset.status == .accepted)
            }
            #expect(try await client.call(.post, "/api/v1/users", json: ["email": "u9@example.com", "password": "Str0ng!pass"]).status == .tooManyRequests)
            #expect(try await client.call(.post, "/api/v1/password-resets", json: ["email": "u9@example.com"]).status == .tooManyRequests)
            // Routes without a policy are not counted.
            #expect(try await client.call(.get, "/health").status == .ok)
        }
    }
}
