// FoundationEssentials where there is one: the generator links this library too, and Foundation's full library
// (with ICU) costs every run of it 7 MB before it reads a byte.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How one operation is served over HTTP, as its spec entry's `http` binds it: plain values, with no server
/// framework behind them, so that any server (the Hummingbird adapter, or another) can serve the route table the
/// generator writes.
public struct HTTPRoute<Category: RegistryCategory>: Sendable {
    /// The operation's name.
    public let operation: String
    public let kind: OperationDescriptor<Category>.Kind
    public let category: Category
    public let method: HTTPMethod
    /// The path as the spec writes it, each parameter in braces: `/api/v1/accounts/{accountId}`.
    public let path: String
    /// The status of a success.
    public let successStatus: Int
    /// What a success carries.
    public let successBody: SuccessBody
    /// Where each of the operation's fields comes from, in the order of its fields.
    public let parameters: [HTTPParameter]
    /// The status each error code answers with; a code not listed answers with the adapter's default.
    public let errors: [String: Int]
    public let auth: HTTPAuthPolicy
    /// Every limit the route's requests count against; a request over any of them is refused.
    public let rateLimits: [HTTPRateLimit]
    /// Whether repeating the request has the effect of making it once.
    public let isIdempotent: Bool
    public let deprecation: HTTPDeprecation?
    public let tags: [String]
    /// The spec's one-line description of the operation.
    public let summary: String
    /// The largest body the route reads, in bytes; nil for the adapter's own limit.
    public let maximumBodySize: Int?
    /// How a request picks this route among others on its method and path; nil for a route alone on them.
    public let selection: HTTPRouteSelection?

    public init(
        operation: String, kind: OperationDescriptor<Category>.Kind, category: Category, method: HTTPMethod, path: String,
        successStatus: Int, parameters: [HTTPParameter], errors: [String: Int], auth: HTTPAuthPolicy,
        rateLimits: [HTTPRateLimit], isIdempotent: Bool, deprecation: HTTPDeprecation?, tags: [String], summary: String,
        successBody: SuccessBody = .result, maximumBodySize: Int? = nil, selection: HTTPRouteSelection? = nil
    ) {
        self.successBody = successBody
        self.maximumBodySize = maximumBodySize
        self.selection = selection
        self.operation = operation
        self.kind = kind
        self.category = category
        self.method = method
        self.path = path
        self.successStatus = successStatus
        self.parameters = parameters
        self.errors = errors
        self.auth = auth
        self.rateLimits = rateLimits
        self.isIdempotent = isIdempotent
        self.deprecation = deprecation
        self.tags = tags
        self.summary = summary
    }

    /// What a success carries, as the route's `response` says.
    public enum SuccessBody: Sendable, Hashable {
        /// The operation's result as JSON (nothing for an operation without one).
        case result
        /// Nothing: the status alone, whatever the operation returns.
        case empty
        /// The result under one member of a JSON object, by its name on the wire, beside members of fixed text:
        /// `{"revoked_count": 3}`, `{"user_id": "…", "message": "Email verified."}`.
        case member(String, with: [FixedMember] = [])
    }

    /// A member of every success's body whose text the spec gives, by its name on the wire.
    public struct FixedMember: Sendable, Hashable {
        public let name: String
        public let text: String

        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }
}

/// How a request picks one of the routes that share a method and a path: the first, in spec order, whose
/// parameters it carries any of, else the one that answers otherwise.
public enum HTTPRouteSelection: Sendable, Hashable {
    /// Chosen when the request carries any of these query parameters or headers.
    case when([HTTPParameter.Source])
    /// Chosen when the request carries none of its siblings' parameters.
    case otherwise

    /// Whether a request whose query parameters and headers `has` reports chooses this route, as a `when` does.
    public func matches(_ has: (HTTPParameter.Source) -> Bool) -> Bool {
        guard case .when(let sources) = self else { return false }
        return sources.contains(where: has)
    }
}

/// An operation the spec binds to a route.
public protocol HTTPRoutable: Sendable {
    associatedtype Category: RegistryCategory
    /// The operation's route, as its spec entry's `http` binds it.
    static var httpRoute: HTTPRoute<Category> { get }
    /// The operation one request asks for, each field read from where its route binds it; every missing or unreadable
    /// field is named in the error.
    init(httpRequest request: some HTTPRequestValues) throws(HTTPBindingError)
    /// The value of `field` that a rate limit keyed by it counts: written for the routes whose limits are.
    func httpRateLimitKey(_ field: String) -> String?
}

extension HTTPRoutable {
    public func httpRateLimitKey(_ field: String) -> String? { nil }
}

public enum HTTPMethod: String, CaseIterable, Sendable, Hashable {
    case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"

    /// Whether a request of this method carries a body the operation's fields may come from.
    public var hasBody: Bool { self == .post || self == .put || self == .patch }
}

/// Where one field of an operation comes from.
public struct HTTPParameter: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// A path segment, by its name in the path's braces.
        case path(String)
        /// A query parameter, by its name in the query string.
        case query(String)
        /// A request header, by its name.
        case header(String)
        /// A member of the JSON body, by its key.
        case body(String)
        /// The whole body, as it came: a file's bytes (`Data`), or its UTF-8 text (`String`).
        case content
        /// The authenticated caller's id, as the application's authentication established it: never from the request
        /// itself.
        case caller
        /// A claim of the authenticated caller (their session, their tenant), by its name in ``HTTPCaller/claims``.
        case callerClaim(String)
        /// The client's address, as the server saw the connection.
        case clientAddress
        /// Nothing in the request: the field keeps its default, and no client can set it.
        case defaultValue
        /// Nothing in the request: the route sets the value the spec gives, and no client can set it.
        case fixedValue
    }

    /// The field's name in the operation.
    public let field: String
    public let source: Source
    /// Whether the request must carry it: false for a field with a default or an optional one.
    public let isRequired: Bool

    public init(field: String, source: Source, isRequired: Bool) {
        self.field = field
        self.source = source
        self.isRequired = isRequired
    }

    /// Where the parameter is on the wire, as a problem names it (RFC 9457's `invalid-params`, OpenAPI's `in`): its
    /// name and `path`, `query`, `header` or `body`. What the request does not carry (the caller, the client's
    /// address, a default) is named as the field, in the body, where a client would look for it.
    public var wire: (name: String, location: String) {
        switch source {
        case .path(let name): (name, "path")
        case .query(let name): (name, "query")
        case .header(let name): (name, "header")
        case .body(let name): (name, "body")
        case .content: ("body", "body")
        case .caller, .callerClaim, .clientAddress, .defaultValue, .fixedValue: (field, "body")
        }
    }

    /// What a day written alone (`2026-11-01`) stands for where a route reads a date and time: the first or the last
    /// moment of that day, in UTC.
    public enum DayBoundary: String, CaseIterable, Sendable, Hashable {
        /// The day's first instant, 00:00:00 UTC: for the start of a period.
        case start
        /// The day's last millisecond, 23:59:59.999 UTC: for the end of a period that includes the whole day.
        case end
    }

    /// What a date and time read from text looks like, for an error; a parameter that also takes a day says so.
    public static func describeDate(day: DayBoundary?) -> String {
        day == nil
            ? "an ISO 8601 date and time"
            : "a day (YYYY-MM-DD) or an ISO 8601 date and time"
    }

    /// A date and time read from a path, query or header value: RFC 3339 (`2026-11-01T12:00:00Z`), with or without
    /// a fraction of a second, with `Z` or an offset. When `day` is given, a day alone (`2026-11-01`) is read too, as
    /// that boundary of it. Strict: a month 13, a 30 February or an hour 25 is refused, not rolled over.
    public static func date(_ text: String, day: DayBoundary? = nil) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        func byte(_ index: Int, _ allowed: String) -> Bool { index < bytes.count && allowed.utf8.contains(bytes[index]) }
        guard let year = number(0..<4), byte(4, "-"), let month = number(5..<7), byte(7, "-"), let dayOfMonth = number(8..<10)
        else { return nil }
        var components = DateComponents(calendar: utcCalendar, year: year, month: month, day: dayOfMonth)
        if bytes.count == 10 {
            guard let day, components.isValidDate, let start = components.date else { return nil }
            return day == .start ? start : start.addingTimeInterval(86_400 - 0.001)
        }
        guard byte(10, "Tt"), let hour = number(11..<13), byte(13, ":"), let minute = number(14..<16), byte(16, ":"),
              let second = number(17..<19), hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if byte(index, ".") {
            let start = index + 1
            index = start
            while byte(index, "0123456789") { index += 1 }
            guard index > start, let value = Double("0." + String(decoding: bytes[start..<index], as: UTF8.self)) else { return nil }
            fraction = value
        }
        var offset = 0
        if byte(index, "Zz") {
            index += 1
        } else if byte(index, "+-"), let hours = number(index + 1..<index + 3), byte(index + 3, ":"),
                  let minutes = number(index + 4..<index + 6), hours < 24, minutes < 60 {
            offset = (hours * 3_600 + minutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        components.hour = hour
        components.minute = minute
        components.second = second
        guard index == bytes.count, components.isValidDate, let date = components.date else { return nil }
        return date.addingTimeInterval(fraction - Double(offset))
    }

    /// The Gregorian calendar in UTC, which dates on the wire are read in.
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// What a value of an enumeration looks like, for an error: `one of 'checking', 'savings'`.
    public static func oneOf<Value: CaseIterable & RawRepresentable>(_ type: Value.Type) -> String {
        "one of " + Value.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }
}

/// Who may call a route.
public enum HTTPAuthPolicy: Sendable, Hashable {
    /// Anyone, without credentials.
    case anonymous
    /// Any authenticated caller.
    case authenticated
    /// An authenticated caller with this role.
    case role(String)
    /// An authenticated caller granted this permission.
    case permission(String)

    public var requiresCaller: Bool { self != .anonymous }

    /// Whether `caller` may call a route of this policy: an anonymous request is refused as unauthenticated, a caller
    /// without the role or permission as forbidden.
    public func decision(for caller: HTTPCaller?) -> HTTPAuthDecision {
        switch self {
        case .anonymous: return .admitted
        case .authenticated: return caller == nil ? .unauthenticated : .admitted
        case .role(let role):
            guard let caller else { return .unauthenticated }
            return caller.roles.contains(role) ? .admitted : .forbidden
        case .permission(let permission):
            guard let caller else { return .unauthenticated }
            return caller.permissions.contains(permission) ? .admitted : .forbidden
        }
    }
}

/// What an auth policy makes of one request's caller.
public enum HTTPAuthDecision: Sendable, Hashable {
    case admitted
    /// The route needs a caller and the request has none: 401.
    case unauthenticated
    /// The caller lacks the route's role or permission: 403.
    case forbidden
}

/// Who sent a request, as the application's authentication established it: what auth policies are checked against,
/// and what a field bound to `caller` receives.
public struct HTTPCaller: Sendable, Hashable {
    /// The caller's id, as the application names them (a user id): the value of every field bound to the caller.
    public var id: String
    public var roles: Set<String>
    public var permissions: Set<String>
    /// What else the application knows of the caller, as text (a session id, a tenant): what fields bound to
    /// `{caller: name}` receive.
    public var claims: [String: String]

    public init(id: String, roles: Set<String> = [], permissions: Set<String> = [], claims: [String: String] = [:]) {
        self.id = id
        self.roles = roles
        self.permissions = permissions
        self.claims = claims
    }
}

/// How many requests a route takes in a period, counted per client address or per caller.
public struct HTTPRateLimit: Sendable, Hashable {
    public enum Period: String, CaseIterable, Sendable, Hashable {
        case second, minute, hour, day

        public var duration: Duration {
            switch self {
            case .second: .seconds(1)
            case .minute: .seconds(60)
            case .hour: .seconds(3_600)
            case .day: .seconds(86_400)
            }
        }
    }

    public enum Key: Sendable, Hashable {
        /// The client's address: for routes an anonymous caller can flood.
        case address
        /// The authenticated caller.
        case caller
        /// A field of the operation, by its name, compared without case or surrounding spaces: an account named in
        /// the body (`email`), so that guesses spread over many addresses still meet a limit.
        case field(String)
    }

    public let requests: Int
    public let period: Period
    public let key: Key

    public init(requests: Int, period: Period, key: Key) {
        self.requests = requests
        self.period = period
        self.key = key
    }
}

/// A route kept for existing clients, and what replaces it.
public struct HTTPDeprecation: Sendable, Hashable {
    /// The operation to call instead; nil when there is none.
    public let replacement: String?

    public init(replacement: String?) {
        self.replacement = replacement
    }
}
