import CQRS
import Foundation
import Testing

/// What every routed operation's generated `init(httpRequest:)` relies on: each field read from where its route
/// binds it, and every missing or unreadable one named, not only the first.
@Suite("Reading an operation's fields from a request")
struct HTTPFieldReaderTests {
    /// A request as an adapter presents one.
    struct Request: HTTPRequestValues {
        var path: [String: String] = [:]
        var query: [String: String] = [:]
        var headers: [String: String] = [:]
        var callerId: String?
        var claims: [String: String] = [:]
        var clientAddress: String?
        var body = Data()

        var caller: HTTPCaller? { callerId.map { HTTPCaller(id: $0, claims: claims) } }
        var content: Data? { body }

        func pathParameter(_ name: String) -> String? { path[name] }
        func queryParameter(_ name: String) -> String? { query[name] }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
        func decodeBody<Body: Decodable>(_ type: Body.Type) throws -> Body { try JSONDecoder().decode(type, from: body) }
    }

    struct Body: Decodable {
        var title: String
        var pinned: Bool?
        enum CodingKeys: String, CodingKey { case title, pinned = "is_pinned" }
    }

    static let route = HTTPRoute<Area>(
        operation: "AddNote", kind: .command, category: .notes, method: .post, path: "/boards/{boardId}/notes",
        successStatus: 201,
        parameters: [
            HTTPParameter(field: "boardId", source: .path("boardId"), isRequired: true),
            HTTPParameter(field: "author", source: .caller, isRequired: true),
            HTTPParameter(field: "limit", source: .query("limit"), isRequired: false),
            HTTPParameter(field: "trace", source: .header("X-Trace"), isRequired: true),
            HTTPParameter(field: "title", source: .body("title"), isRequired: true),
            HTTPParameter(field: "pinned", source: .body("is_pinned"), isRequired: false),
        ],
        errors: [:], auth: .authenticated, rateLimits: [], isIdempotent: false, deprecation: nil, tags: [], summary: "")

    /// Reads every field the way the generated code does.
    static func read(_ request: Request) throws(HTTPBindingError) -> (Int, String, Int?, String, Body) {
        var reader = HTTPFieldReader(route: route)
        let board = reader.value(0, in: request, expected: "a whole number (Int)") { Int($0) }
        let author = reader.value(1, in: request, expected: "text") { $0 }
        let limit = reader.value(2, in: request, expected: "a whole number (Int)") { Int($0) }
        let trace = reader.value(3, in: request, expected: "text") { $0 }
        let body = reader.body(Body.self, in: request)
        try reader.finish()
        return (board!, author!, limit, trace!, body!)
    }

    @Test("each value from its source; an absent optional one is nil")
    func reads() throws {
        let request = Request(
            path: ["boardId": "7"], headers: ["x-trace": "t-1"], callerId: "ada", body: Data(#"{"title": "Hi", "is_pinned": true}"#.utf8))
        let (board, author, limit, trace, body) = try Self.read(request)
        #expect(board == 7 && author == "ada" && limit == nil && trace == "t-1")
        #expect(body.title == "Hi" && body.pinned == true)
    }

    @Test("every missing or unreadable field is named, by field and source")
    func namesEveryProblem() {
        let request = Request(path: ["boardId": "seven"], query: ["limit": "ten"], body: Data(#"{"is_pinned": true}"#.utf8))
        #expect(throws: HTTPBindingError(problems: [
            .init(field: "boardId", source: .path("boardId"), reason: .invalid(expected: "a whole number (Int)")),
            .init(field: "author", source: .caller, reason: .missing),
            .init(field: "limit", source: .query("limit"), reason: .invalid(expected: "a whole number (Int)")),
            .init(field: "trace", source: .header("X-Trace"), reason: .missing),
            .init(field: "title", source: .body("title"), reason: .missing),
        ])) { try Self.read(request) }
    }

    @Test("a body member of the wrong type is named; a body that is not JSON is the body's problem")
    func bodyProblems() {
        let base = Request(path: ["boardId": "1"], headers: ["X-Trace": "t"], callerId: "ada")
        var wrongType = base
        wrongType.body = Data(#"{"title": "Hi", "is_pinned": "yes"}"#.utf8)
        #expect(throws: HTTPBindingError(problems: [
            .init(field: "pinned", source: .body("is_pinned"), reason: .invalid(expected: "true or false"))
        ])) { try Self.read(wrongType) }
        var notJSON = base
        notJSON.body = Data("title=Hi".utf8)
        #expect(throws: HTTPBindingError(problems: [.init(field: nil, source: nil, reason: .malformedBody)])) {
            try Self.read(notJSON)
        }
    }

    @Test("a caller's claim and the client's address are read from the request's context; a default field from nothing")
    func contextSources() {
        let route = HTTPRoute<Area>(
            operation: "ListNotes", kind: .query, category: .notes, method: .get, path: "/notes", successStatus: 200,
            parameters: [
                HTTPParameter(field: "session", source: .callerClaim("session"), isRequired: true),
                HTTPParameter(field: "address", source: .clientAddress, isRequired: false),
                HTTPParameter(field: "reason", source: .defaultValue, isRequired: false),
            ],
            errors: [:], auth: .authenticated, rateLimits: [], isIdempotent: true, deprecation: nil, tags: [], summary: "")
        var reader = HTTPFieldReader(route: route)
        let request = Request(callerId: "ada", claims: ["session": "s-1"], clientAddress: "192.0.2.7")
        #expect(reader.value(0, in: request, expected: "text") { $0 } == "s-1")
        #expect(reader.value(1, in: request, expected: "text") { $0 } == "192.0.2.7")
        #expect(reader.problems.isEmpty)
        var anonymous = HTTPFieldReader(route: route)
        #expect(anonymous.value(0, in: Request(), expected: "text") { $0 } == nil)
        #expect(anonymous.problems == [.init(field: "session", source: .callerClaim("session"), reason: .missing)])
    }

    @Test("the whole body is one field's value: its bytes or its text; an empty one is missing, text that is not UTF-8 unreadable")
    func content() {
        let route = HTTPRoute<Area>(
            operation: "ImportNotes", kind: .command, category: .notes, method: .post, path: "/imports", successStatus: 201,
            parameters: [HTTPParameter(field: "file", source: .content, isRequired: true)],
            errors: [:], auth: .authenticated, rateLimits: [], isIdempotent: false, deprecation: nil, tags: [], summary: "",
            maximumBodySize: 1024)
        var reader = HTTPFieldReader(route: route)
        #expect(reader.content(0, in: Request(body: Data([0, 1, 255])), expected: "bytes") { $0 } == Data([0, 1, 255]))
        #expect(reader.content(0, in: Request(body: Data("note".utf8)), expected: "UTF-8 text") { String(data: $0, encoding: .utf8) } == "note")
        #expect(reader.problems.isEmpty)
        #expect(reader.content(0, in: Request(body: Data([0xFF, 0xFE])), expected: "UTF-8 text") { String(data: $0, encoding: .utf8) } == nil)
        #expect(reader.content(0, in: Request(), expected: "bytes") { $0 } == nil)
        #expect(reader.problems == [
            .init(field: "file", source: .content, reason: .invalid(expected: "UTF-8 text")),
            .init(field: "file", source: .content, reason: .missing),
        ])
        #expect(HTTPParameter(field: "file", source: .content, isRequired: true).wire == ("body", "body"))
    }

    @Test("a date and time reads ISO 8601 with or without fractions and offsets; a day alone only where the route takes one")
    func dates() throws {
        let noon = try Date("2026-11-01T12:00:00Z", strategy: .iso8601)
        #expect(HTTPParameter.date("2026-11-01T12:00:00Z") == noon)
        #expect(HTTPParameter.date("2026-11-01T14:00:00+02:00") == noon)
        #expect(HTTPParameter.date("2026-11-01T12:00:00.250Z") == noon.addingTimeInterval(0.25))
        #expect(HTTPParameter.date("2026-11-01") == nil)
        #expect(HTTPParameter.date("2026-11-01", day: .start) == noon.addingTimeInterval(-12 * 3600))
        #expect(HTTPParameter.date("2026-11-01", day: .end) == noon.addingTimeInterval(12 * 3600 - 0.001))
        #expect(HTTPParameter.date("2026-11-01T12:00:00Z", day: .end) == noon)
        #expect(HTTPParameter.date("2024-02-29", day: .start) != nil)
        for text in [
            "2026-13-01", "2026-02-30", "2026-11-01T25:00:00Z", "2026-11-01T12:60:00Z", "2026-11-01T12:00:00",
            "2026-11-01T12:00:00.Z", "2026-11-01T12:00:00+2:00", "2026-11-01T12:00:00Zjunk", "yesterday", "", "2026-11-01 12:00",
        ] {
            #expect(HTTPParameter.date(text, day: .start) == nil, "\(text)")
        }
        #expect(HTTPParameter.describeDate(day: nil) == "an ISO 8601 date and time")
        #expect(HTTPParameter.describeDate(day: .end) == "a day (YYYY-MM-DD) or an ISO 8601 date and time")
    }
}
