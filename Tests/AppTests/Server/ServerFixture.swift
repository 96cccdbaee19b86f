import CQRS
import CQRSTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization

@testable import App

/// The real application over a database of its own (``TestDatabase``), its key file in a folder of its own: production services (bcrypt at its lowest cost,
/// so that tests stay fast), a clock the test can move, a mailer and an event log the test can read.
struct ServerFixture: Sendable {
    let directory: URL
    let environment: AppEnvironment
    let mails: RecordingEmailService
    let events: EventLog
    let clock: ManualClock

    var keysPath: String { directory.appendingPathComponent("app.keys").path }

    /// Rate limits are off unless `limitsRates`: most tests make many requests from one address on purpose.
    static func make(
        overrides: Dispatcher.Overrides = Dispatcher.Overrides(), in directory: URL? = nil, limitsRates: Bool = false
    ) async throws -> ServerFixture {
        let directory = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("app-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The wall time starts at the real one, as the database's migrations stamp their rows with it, in whole
        // seconds: PostgreSQL's rate limits count in milliseconds, and a window must end exactly when the test says.
        let start = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let mails = RecordingEmailService(), clock = ManualClock(date: start)
        var logger = Logger(label: "AppTests")
        logger.logLevel = .warning
        let environment = try await AppEnvironment.open(
            database: TestDatabase.location(in: directory), keysPath: directory.appendingPathComponent("app.keys").path, bcryptCost: 4, baseURL: "http://127.0.0.1", overrides: overrides,
            clock: clock.dispatchClock, wallClock: clock, mailer: mails, limitsRates: limitsRates, logger: logger)
        let events = EventLog()
        do {
            let bus = environment.services.eventBus
            for name in DomainEventName.allCases { bus.subscribe(name) { await events.record($0) } }
        }
        return ServerFixture(directory: directory, environment: environment, mails: mails, events: events, clock: clock)
    }

    /// The same files opened again, as a restarted server opens them.
    func restarted(overrides: Dispatcher.Overrides = Dispatcher.Overrides()) async throws -> ServerFixture {
        try await Self.make(overrides: overrides, in: directory)
    }

    func removeFiles() {
        try? FileManager.default.removeItem(at: directory)
    }

    func application(port: Int = 0) -> some ApplicationProtocol {
        var logger = Logger(label: "AppTests.server")
        logger.logLevel = .warning
        return AppServer.application(environment, host: "127.0.0.1", port: port, logger: logger)
    }

    /// How many rows a table holds, read straight from the database.
    func count(_ table: String) async throws -> Int {
        try await environment.database.scalar(Int.self, "SELECT COUNT(*) AS value FROM \(ident: table)") ?? 0
    }
}

/// Every event delivered, in order.
actor EventLog {
    /// What subscribers received: each event with the operation that published it and the request's context.
    private(set) var envelopes: [EventEnvelope<DomainEvent>] = []
    func record(_ envelope: EventEnvelope<DomainEvent>) { envelopes.append(envelope) }
    var events: [DomainEvent] { envelopes.map(\.event) }
    var names: [DomainEventName] { envelopes.map(\.event.name) }
    func clear() { envelopes.removeAll() }
}

/// A response with its body read as JSON.
struct APIResponse {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: Data

    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    subscript(key: String) -> Any? { json[key] }
    func string(_ key: String) -> String? { json[key] as? String }
    var text: String { String(decoding: body, as: UTF8.self) }
}

extension TestClientProtocol {
    /// Sends a request with a JSON body (or raw bytes) and the bearer token, and reads the response.
    func call(
        _ method: HTTPRequest.Method, _ uri: String, json: [String: Any]? = nil, bytes: Data? = nil, token: String? = nil,
        userAgent: String? = nil, requestId: String? = nil
    ) async throws -> APIResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let requestId { headers[RequestScopeMiddleware.requestIdHeader] = requestId }
        if let userAgent { headers[.userAgent] = userAgent }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        } else if let bytes {
            body = ByteBuffer(bytes: bytes)
        }
        return try await execute(uri: uri, method: method, headers: headers, body: body) { response in
            APIResponse(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
        }
    }
}
