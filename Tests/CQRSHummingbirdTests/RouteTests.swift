import CQRS
@testable import CQRSHummingbird
@testable import NotebookService
import CQRSTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The notebook's routes, all generated from Tests/CQRSHummingbirdTests/operations.yaml and served by the adapter.
@Suite("Generated routes served by CQRSHummingbird")
struct RouteTests {
    static let alice: HTTPFields = [HTTPField.Name("X-Test-Caller")!: "alice", .contentType: "application/json"]
    static let bob: HTTPFields = [HTTPField.Name("X-Test-Caller")!: "bob", .contentType: "application/json"]

    func withServer(
        notebook: any Notebook = InMemoryNotebook(), configuration: HTTPRouteConfiguration = HTTPRouteConfiguration(),
        _ test: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let app = Application(router: notebookRouter(notebook: notebook, configuration: configuration))
        try await app.test(.router, test)
    }

    /// The body as a JSON object; empty when it is not one, which every expectation on it then fails.
    func json(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any] ?? [:]
    }

    @Test("a command is read from its body, its header and the caller, and answers with the route's status and result")
    func createNote() async throws {
        let notebook = InMemoryNotebook()
        try await withServer(notebook: notebook) { client in
            var headers = Self.alice
            headers[HTTPField.Name("X-Request-Tag")!] = "first"
            // An owner in the body is not read: the owner is the caller, bound to `caller` in the spec.
            let body = #"{"title": "Groceries", "pinned": true, "owner": "mallory"}"#
            try await client.execute(uri: "/notes", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .created)
                #expect(response.headers[.contentType] == "application/json")
                let note = json(response.body)
                #expect(note["owner"] as? String == "alice")
                #expect(note["title"] as? String == "Groceries")
                #expect(note["pinned"] as? Bool == true)
            }
        }
        #expect(notebook.all().map(\.owner) == ["alice"])
    }

    @Test("every missing or unreadable field is named in one problem, by its name and place on the wire")
    func everyFieldIsNamed() async throws {
        try await withServer { client in
            let body = #"{"pinned": "yes"}"#
            try await client.execute(uri: "/notes", method: .post, headers: Self.alice, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = json(response.body)
                #expect(problem["code"] as? String == "invalid_request")
                #expect(problem["instance"] as? String == "/notes")
                #expect(problem["invalid-params"] as? [[String: String]] == [
                    ["name": "title", "in": "body", "reason": "is missing"],
                    ["name": "pinned", "in": "body", "reason": "must be true or false"],
                ])
            }
            try await client.execute(uri: "/notes?pinnedOnly=maybe&limit=ten", method: .get, headers: Self.alice) { response in
                #expect(response.status == .badRequest)
                let problem = json(response.body)
                let parameters = try #require(problem["invalid-params"] as? [[String: String]])
                #expect(parameters == [
                    ["name": "pinnedOnly", "in": "query", "reason": "must be true or false"],
                    ["name": "limit", "in": "query", "reason": "must be a whole number (Int)"],
                ])
                #expect(problem["detail"] as? String
                    == "The request cannot be read: 'pinnedOnly' (query) must be true or false; 'limit' (query) must be a whole number (Int).")
            }
            try await client.execute(uri: "/notes", method: .post, headers: Self.alice, body: ByteBuffer(string: "{}")) { response in
                let problem = json(response.body)
                #expect(problem["invalid-params"] as? [[String: String]] == [["name": "title", "in": "body", "reason": "is missing"]])
            }
        }
    }

    @Test("auth policies: 401 without a caller, 403 without the role, and the route runs with it")
    func authPolicies() async throws {
        try await withServer { client in
            try await client.execute(uri: "/notes", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                #expect(json(response.body)["code"] as? String == "not_authenticated")
            }
            try await client.execute(uri: "/admin/purges", method: .post, headers: Self.alice) { response in
                #expect(response.status == .forbidden)
                #expect(json(response.body)["code"] as? String == "forbidden")
            }
            try await client.execute(uri: "/admin/purges", method: .post, headers: [HTTPField.Name("X-Test-Caller")!: "root:admin"]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "0")
            }
            // A public route needs nobody; this one answers its result under the member its spec names.
            try await client.execute(uri: "/stats/notes", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"noteCount":0}"#)
            }
        }
    }

    @Test("a path that names nothing is 404; another caller's note is the route's own not-found; a delete answers 204")
    func pathsAndErrors() async throws {
        let notebook = InMemoryNotebook()
        let note = Note(id: UUID(), owner: "alice", title: "Mine", pinned: false)
        notebook.add(note)
        try await withServer(notebook: notebook) { client in
            try await client.execute(uri: "/notes/not-an-id", method: .get, headers: Self.alice) { response in
                #expect(response.status == .notFound)
                #expect(json(response.body)["code"] as? String == "not_found")
            }
            try await client.execute(uri: "/notes/\(note.id)", method: .get, headers: Self.bob) { response in
                #expect(response.status == .notFound)
                #expect(json(response.body)["code"] as? String == "note_not_found")
            }
            try await client.execute(uri: "/notes/\(note.id)", method: .get, headers: Self.alice) { response in
                #expect(response.status == .ok)
                #expect(json(response.body)["id"] as? String == note.id.uuidString)
            }
            try await client.execute(uri: "/notes/\(note.id)", method: .delete, headers: Self.alice) { response in
                #expect(response.status == .noContent)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/notes/\(note.id)", method: .delete, headers: Self.alice) { response in
                #expect(response.status == .notFound)
                #expect(json(response.body)["code"] as? String == "note_not_found")
            }
        }
    }

    @Test("a failure answers with the status its route maps its code to; a server failure says only that it failed")
    func failures() async throws {
        let configuration = HTTPRouteConfiguration(problemTypeBase: "https://example.com/problems/")
        try await withServer(configuration: configuration) { client in
            let groceries = ByteBuffer(string: #"{"title": "Groceries"}"#)
            try await client.execute(uri: "/notes", method: .post, headers: Self.alice, body: groceries) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/notes", method: .post, headers: Self.alice, body: groceries) { response in
                #expect(response.status == .conflict)
                let problem = json(response.body)
                #expect(problem["type"] as? String == "https://example.com/problems/title-taken")
                #expect(problem["title"] as? String == "Conflict")
                #expect(problem["status"] as? Int == 409)
                #expect(problem["detail"] as? String == "You have a note called 'Groceries'.")
            }
            try await client.execute(uri: "/notes", method: .post, headers: Self.alice, body: ByteBuffer(string: #"{"title": "explode"}"#)) { response in
                #expect(response.status == .serviceUnavailable)
                let problem = json(response.body)
                #expect(problem["code"] as? String == "unavailable")
                #expect(problem["detail"] as? String == "The service could not complete the request; try again shortly.")
            }
            // The dispatcher's page bounds hold for a routed query too.
            try await client.execute(uri: "/notes?limit=100000", method: .get, headers: Self.alice) { response in
                #expect(response.status == .badRequest)
                #expect(json(response.body)["code"] as? String == "invalid_limit")
            }
        }
    }

    @Test("rate limits count by address or by caller, and answer 429 with Retry-After")
    func rateLimits() async throws {
        let clock = ManualClock()
        let configuration = HTTPRouteConfiguration(rateLimiter: SlidingWindowRateLimiter(clock: clock.dispatchClock))
        try await withServer(configuration: configuration) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/stats/notes", method: .get) { #expect($0.status == .ok) }
            }
            try await client.execute(uri: "/stats/notes", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "60")
                #expect(json(response.body)["code"] as? String == "rate_limited")
            }
            for index in 0..<3 {
                try await client.execute(uri: "/notes", method: .post, headers: Self.alice, body: ByteBuffer(string: #"{"title": "n\#(index)"}"#)) {
                    #expect($0.status == .created)
                }
            }
            try await client.execute(uri: "/notes", method: .post, headers: Self.alice, body: ByteBuffer(string: #"{"title": "n4"}"#)) {
                #expect($0.status == .tooManyRequests)
            }
            // Counted by caller: bob has his own three.
            try await client.execute(uri: "/notes", method: .post, headers: Self.bob, body: ByteBuffer(string: #"{"title": "n4"}"#)) {
                #expect($0.status == .created)
            }
            clock.advance(by: .seconds(60))
            try await client.execute(uri: "/stats/notes", method: .get) { #expect($0.status == .ok) }
        }
    }

    /// A limiter whose store is down.
    struct UnreachableLimiter: RequestRateLimiter {
        struct StoreDown: Error {}
        func take(_ policy: RateLimitPolicy, key: String) async throws -> RateLimitDecision { throw StoreDown() }
    }

    @Test("a route whose limit cannot be counted answers 503 without running; a route without a limit runs")
    func uncountableLimits() async throws {
        try await withServer(configuration: HTTPRouteConfiguration(rateLimiter: UnreachableLimiter())) { client in
            try await client.execute(uri: "/stats/notes", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(json(response.body)["code"] as? String == "unavailable")
                #expect(json(response.body)["detail"] as? String == "The service could not complete the request; try again shortly.")
            }
            try await client.execute(uri: "/notes", method: .get, headers: Self.alice) { #expect($0.status == .ok) }
        }
    }

    @Test("a body that is not JSON is 415, one over the limit 413; an empty body reads as {}")
    func bodies() async throws {
        try await withServer(configuration: HTTPRouteConfiguration(maximumBodySize: 64)) { client in
            let text: HTTPFields = [HTTPField.Name("X-Test-Caller")!: "alice", .contentType: "text/plain"]
            try await client.execute(uri: "/notes", method: .post, headers: text, body: ByteBuffer(string: #"{"title": "x"}"#)) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(json(response.body)["code"] as? String == "unsupported_media_type")
            }
            let large = ByteBuffer(string: #"{"title": "\#(String(repeating: "x", count: 100))"}"#)
            try await client.execute(uri: "/notes", method: .post, headers: Self.alice, body: large) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: "/notes", method: .post, headers: Self.alice) { response in
                #expect(response.status == .badRequest)
                #expect(json(response.body)["invalid-params"] as? [[String: String]] == [["name": "title", "in": "body", "reason": "is missing"]])
            }
        }
    }

    @Test("fields from the caller's claims, the client's address, the default and the route's value; a limit by a field counts its value")
    func contextSourcesAndFieldLimits() async throws {
        // A clock that moves only when told, so that Retry-After is exact however slow the machine.
        let configuration = HTTPRouteConfiguration(rateLimiter: SlidingWindowRateLimiter(clock: ManualClock().dispatchClock))
        try await withServer(configuration: configuration) { client in
            let body = ByteBuffer(string: #"{"email": "Ada@Example.com", "reason": "forced", "cadence": "daily"}"#)
            try await client.execute(uri: "/digests", method: .post, headers: Self.alice, body: body) { response in
                #expect(response.status == .accepted)
                // Neither is read from the body: the reason keeps its default, the cadence is the route's value.
                #expect(String(buffer: response.body) == #""Ada@Example.com|s-alice|192.0.2.1|asked|weekly""#)
            }
            // Counted by the email's value, whatever its case: a second spelling is the same account.
            let again = ByteBuffer(string: #"{"email": "ADA@example.COM"}"#)
            try await client.execute(uri: "/digests", method: .post, headers: Self.bob, body: again) { #expect($0.status == .accepted) }
            try await client.execute(uri: "/digests", method: .post, headers: Self.bob, body: again) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "3600")
            }
            let other = ByteBuffer(string: #"{"email": "grace@example.com"}"#)
            try await client.execute(uri: "/digests", method: .post, headers: Self.bob, body: other) { #expect($0.status == .accepted) }
        }
    }

    @Test("refused credentials answer a route that needs a caller with the application's problem; a public route runs")
    func refusedCredentials() async throws {
        try await withServer { client in
            let expired: HTTPFields = [HTTPField.Name("X-Test-Caller")!: "expired"]
            try await client.execute(uri: "/notes", method: .get, headers: expired) { response in
                #expect(response.status == .unauthorized)
                #expect(json(response.body)["code"] as? String == "token_expired")
                #expect(json(response.body)["instance"] as? String == "/notes")
            }
            try await client.execute(uri: "/stats/notes", method: .get, headers: expired) { #expect($0.status == .ok) }
        }
    }

    @Test("fields that break their constraints are refused before the handler, 422 naming each under its wire name")
    func constraints() async throws {
        let notebook = InMemoryNotebook()
        try await withServer(notebook: notebook) { client in
            let long = ByteBuffer(string: #"{"title": "\#(String(repeating: "x", count: 41))"}"#)
            try await client.execute(uri: "/notes", method: .post, headers: Self.alice, body: long) { response in
                #expect(response.status == .unprocessableContent)
                let problem = json(response.body)
                #expect(problem["code"] as? String == "invalid_fields")
                #expect(problem["invalid-params"] as? [[String: String]] == [
                    ["name": "title", "in": "body", "reason": "must be 1 to 40 characters"],
                ])
            }
            let mail = ByteBuffer(string: #"{"email": "not an address"}"#)
            try await client.execute(uri: "/digests", method: .post, headers: Self.alice, body: mail) { response in
                #expect(response.status == .unprocessableContent)
                #expect(json(response.body)["detail"] as? String == "'email' must be an email address.")
            }
        }
        #expect(notebook.all().isEmpty)
    }

    @Test("the spec's paths become the router's")
    func routerPaths() {
        typealias Registrar = HummingbirdRouteRegistrar<OperationCategory, Router<NotebookRequestContext>>
        #expect(Registrar.routerPath("/notes/{noteId}") == "/notes/:noteId")
        #expect(Registrar.routerPath("/a/{b}/c/{d}") == "/a/:b/c/:d")
    }
}
