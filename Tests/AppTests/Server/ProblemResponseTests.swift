import CQRS
import CQRSHummingbird
import Foundation
import Hummingbird
import Logging
import HummingbirdTesting
import NIOCore
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@testable import App

/// What the server answers when a request cannot be served: a problem for every case, the right status, and nothing
/// from inside the server.
@Suite("Problems for every error, and nothing internal in them")
struct ProblemResponseTests {
    struct FailingStore: Error, CustomStringConvertible {
        var description: String { "SQLite error 10: disk I/O error - while executing `COMMIT`" }
    }

    struct BrokenAccounts: ListAccountsByUserHandling {
        func handle(_ query: ListAccountsByUser) async -> Result<AccountListResult, OperationError> {
            .failure(.unavailable(FailingStore()))
        }
    }

    @Test("a known path asked with another method answers 405 with Allow listing the methods it has")
    func methodNotAllowed() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let put = try await client.call(.put, "/api/v1/sessions")
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers[.allow] == "DELETE, GET, POST")
            #expect(put.headers[.contentType] == "application/problem+json")
            #expect(put.string("code") == "method_not_allowed")
            let patch = try await client.call(.patch, "/api/v1/sessions/\(UUID())")
            #expect(patch.headers[.allow] == "DELETE, GET")
            let unknown = try await client.call(.put, "/api/v1/sessions/\(UUID())/nothing")
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.allow] == nil)
        }
    }

    @Test("a failure of the store answers 503 with a generic detail; the database's words stay in the log")
    func noInternalsInServerFailures() async throws {
        var overrides = Dispatcher.Overrides()
        overrides.listAccountsByUser = { _ in BrokenAccounts() }
        let fixture = try await ServerFixture.make(overrides: overrides)
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let access = try await EndToEndTests.signUp(client, fixture, email: "store@example.com").access
            let accounts = try await client.call(.get, "/api/v1/accounts", token: access)
            #expect(accounts.status == .serviceUnavailable)
            #expect(accounts.string("code") == "unavailable")
            #expect(accounts.string("detail") == "The service could not complete the request; try again shortly.")
            #expect(!accounts.text.contains("SQLite"))
        }
    }

    @Test("a JSON body sent as text/plain or a form is refused with 415; application/json and +json are read")
    func jsonOnlyAsJSON() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        let body = ByteBuffer(string: #"{"email": "plain@example.com", "password": "Str0ng!pass"}"#)
        try await fixture.application().test(.router) { client in
            for contentType in ["text/plain", "application/x-www-form-urlencoded", "text/json"] {
                let response = try await client.execute(
                    uri: "/api/v1/users", method: .post, headers: [.contentType: contentType], body: body)
                #expect(response.status == .unsupportedMediaType, "\(contentType)")
            }
            let missing = try await client.execute(uri: "/api/v1/users", method: .post, body: body)
            #expect(missing.status == .unsupportedMediaType)
            let json = try await client.execute(
                uri: "/api/v1/users", method: .post, headers: [.contentType: "application/json; charset=utf-8"], body: body)
            #expect(json.status == .created)
        }
        #expect(JSONContentType.matches("application/problem+json"))
        #expect(JSONContentType.matches("Application/JSON"))
        #expect(!JSONContentType.matches("application/jsonx"))
    }

    @Test("a connection that sends half a request and then nothing is closed after the idle timeout")
    func idleConnectionsAreClosed() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        var logger = Logger(label: "AppTests.idle")
        logger.logLevel = .critical
        let application = AppServer.application(
            fixture.environment, host: "127.0.0.1", port: 0, idleTimeout: .milliseconds(200), logger: logger)
        try await application.test(.live) { client in
            let port = try #require(client.port)
            // The server closing the connection is the event waited for; the receive timeout only bounds a failure.
            let closed = try await Task.detached { try HalfSentRequest.sendAndAwaitClose(port: port, giveUpAfter: 10) }.value
            #expect(closed)
        }
    }

    @Test("a database that cannot be opened is reported as that, without a usage line")
    func startupFailureHasNoUsage() {
        let message = ServeCommand.fullMessage(for: StartupFailure(message: "cannot open /nowhere/app.sqlite: denied"))
        #expect(message == "Error: cannot open /nowhere/app.sqlite: denied")
        #expect(!message.contains("Usage"))
    }
}

/// A raw TCP client that sends the start of a request and waits for the server to hang up.
enum HalfSentRequest {
    struct SocketFailure: Error { var step: String }

    /// Whether the server closed the connection within `giveUpAfter` seconds.
    static func sendAndAwaitClose(port: Int, giveUpAfter seconds: Int) throws -> Bool {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw SocketFailure(step: "socket") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw SocketFailure(step: "connect") }
        let partial = Array("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
        guard send(descriptor, partial, partial.count, 0) == partial.count else { throw SocketFailure(step: "send") }
        var buffer = [UInt8](repeating: 0, count: 512)
        while true {
            let received = recv(descriptor, &buffer, buffer.count, 0)
            if received == 0 { return true }
            if received < 0 { return errno == ECONNRESET }
        }
    }
}
