import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import App

/// The dispatcher's metrics behaviour counts into the environment's registry, which the metrics listener serves.
@Suite("Metrics")
struct MetricsTests {
    @Test("every operation is counted and timed by name, category and outcome; failures by their code")
    func countedByOperation() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let body = ["email": "ada@example.com", "password": EndToEndTests.password]
            let first = try await client.call(.post, "/api/v1/users", json: body)
            #expect(first.status == .created)
            let again = try await client.call(.post, "/api/v1/users", json: body)
            #expect(again.status == .conflict, "\(again.text)")
        }
        try await Application(router: AppServer.metricsRouter(fixture.environment)).test(.router) { client in
            let scraped = try await client.call(.get, "/metrics")
            #expect(scraped.status == .ok)
            #expect(scraped.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let lines = Set(scraped.text.split(separator: "\n").map(String.init))
            let registerUser = #"operation="RegisterUser",category="auth",kind="command""#
            #expect(lines.contains(#"cqrs_operations_total{\#(registerUser),outcome="success"} 1"#), "\(scraped.text)")
            #expect(lines.contains(#"cqrs_operations_total{\#(registerUser),outcome="failure"} 1"#))
            #expect(lines.contains(#"cqrs_operation_failures_total{operation="RegisterUser",category="auth",code="email_already_registered"} 1"#))
            #expect(lines.contains { $0.hasPrefix(#"cqrs_operation_duration_count{operation="RegisterUser",category="auth"}"#) })
        }
    }

    @Test("a command that runs others is counted, and so is each step it ran, as if called alone; a failed step ends it")
    func stepsCounted() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let login = try await client.call(.post, "/api/v1/sessions", json: ["email": "nobody@example.com", "password": "x"])
            #expect(login.status == .unauthorized)
            #expect(login.string("code") == "invalid_credentials")
        }
        try await Application(router: AppServer.metricsRouter(fixture.environment)).test(.router) { client in
            let scraped = try await client.call(.get, "/metrics").text
            let lines = Set(scraped.split(separator: "\n").map(String.init))
            for operation in ["LoginUser", "AuthenticateUser"] {
                #expect(lines.contains(#"cqrs_operation_failures_total{operation="\#(operation)",category="auth",code="invalid_credentials"} 1"#), "\(scraped)")
            }
            #expect(!scraped.contains(#"operation="CreateSession""#), "the step after the failed one never ran")
        }
    }

    @Test("--metrics-port is off by default, and refused when it is out of range or the API's own port")
    func metricsPortValidated() throws {
        #expect(try ServeCommand.parse([]).metricsPort == nil)
        #expect(try ServeCommand.parse(["--metrics-port", "9100"]).metricsPort == 9100)
        for arguments in [["--metrics-port", "0"], ["--metrics-port", "70000"], ["--port", "9100", "--metrics-port", "9100"]] {
            let message = ServeCommand.message(for: Self.parseError(arguments))
            #expect(message == "--metrics-port must be a port from 1 to 65535 other than --port.", "\(arguments)")
        }
    }

    /// The error parsing `arguments` throws; a `CancellationError` when they parse, which no expectation accepts.
    static func parseError(_ arguments: [String]) -> any Error {
        do {
            _ = try ServeCommand.parse(arguments)
            return CancellationError()
        } catch {
            return error
        }
    }
}
