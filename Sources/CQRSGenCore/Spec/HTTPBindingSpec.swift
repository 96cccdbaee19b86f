public import CQRS

/// An operation's `http`: the route that serves it, where each of its fields comes from, and the route's policies.
///
///     http:
///       route: GET /api/v1/accounts/{accountId}
///       auth: authenticated
///       fields: {userId: caller}
///       errors: {account_not_found: 404}
public struct HTTPBindingSpec: Hashable, Sendable {
    /// Where a field's value is read from.
    public enum Source: String, CaseIterable, Hashable, Sendable {
        case path, query, header, body
        /// The whole body, as it came: a file's bytes (`Data`) or its text (`String`), read whatever its media type.
        case content
        /// The authenticated caller's id, or with a name (`{caller: sessionId}`), one of their claims.
        case caller
        /// The client's address.
        case client
        /// Nothing in the request: the field keeps its default.
        case `default`
        /// Nothing in the request: the value the route sets, written in the spec (`{value: revoked_by_user}`).
        case value

        /// The sources that take a name on the wire (`{query: file_name}`); `caller` takes a claim's name.
        public static let named: [Source] = [.query, .header, .body, .caller]

        /// Whether the value comes from the request's context (who sent it, from where), not from what it carries.
        public var isContext: Bool { self == .caller || self == .client }
    }

    /// A field's source as the spec writes it under `fields`.
    public struct FieldBinding: Hashable, Sendable {
        /// The field's name, located at its key.
        public var field: Located<String>
        public var source: Located<Source>
        /// The name on the wire, when the spec gives one (`{query: file_name}`); derived from the field otherwise.
        public var wireName: Located<String>?
        /// For `value`, the value the route sets, as written: checked and rendered as a default is.
        public var fixedValue: YAMLNode?
        /// For a date and time read from text, what a day written alone stands for (`{query: end_date, day: end}`);
        /// nil when only a date and time is read.
        public var day: Located<HTTPParameter.DayBoundary>?

        public init(
            field: Located<String>, source: Located<Source>, wireName: Located<String>?, fixedValue: YAMLNode? = nil,
            day: Located<HTTPParameter.DayBoundary>? = nil
        ) {
            self.field = field
            self.source = source
            self.wireName = wireName
            self.fixedValue = fixedValue
            self.day = day
        }
    }

    /// What a success answers with.
    public enum Response: Hashable, Sendable {
        /// The operation's result, as its JSON.
        case result
        /// Nothing: the status alone (`response: none`), whatever the operation returns. (Not named `none`, which an
        /// optional's `nil` would shadow in patterns.)
        case empty
        /// The result under one member of a JSON object (`response: {field: revokedCount}`), beside fixed text
        /// members (`with: {message: Registered.}`).
        case member(Located<String>, with: [FixedMember] = [])

        /// Where the member's name is written, for a member.
        public var memberLocation: SourceLocation? {
            if case .member(let member, _) = self { member.location } else { nil }
        }
    }

    /// A member of an answer whose text the spec gives: the same in every answer of the route.
    public struct FixedMember: Hashable, Sendable {
        public var name: Located<String>
        public var text: Located<String>

        public init(name: Located<String>, text: Located<String>) {
            self.name = name
            self.text = text
        }
    }

    /// An error code and the status it answers with.
    public struct ErrorStatus: Hashable, Sendable {
        public var code: Located<String>
        public var status: Located<Int>

        public init(code: Located<String>, status: Located<Int>) {
            self.code = code
            self.status = status
        }
    }

    public var method: Located<HTTPMethod>
    /// The path as written, parameters in braces; located at the route.
    public var path: Located<String>
    /// Each `{name}` of the path, located at its brace when the route is written plainly on one line.
    public var pathParameters: [Located<String>]
    /// The sources the spec gives explicitly; every other field takes its default (``defaultSource(for:)``).
    public var fields: [FieldBinding]
    public var status: Located<Int>?
    public var auth: Located<HTTPAuthPolicy>
    public var errors: [ErrorStatus]
    public var rateLimits: [Located<HTTPRateLimit>]
    public var idempotent: Located<Bool>?
    /// Set when the route is deprecated; its replacement, when it names one.
    public var deprecation: Located<Located<String>?>?
    public var tags: [Located<String>]
    /// What a success answers with; located where `response` is written.
    public var response: Located<Response>?
    /// The largest body the route reads, in bytes (`bodyLimit: 5 MiB`); nil for the server's own limit.
    public var bodyLimit: Located<Int>?
    /// For a route that shares its method and path with others, the fields whose presence in the request chooses it
    /// (`when: symbol`); empty for a route alone on its path, or the one its siblings fall back to.
    public var when: [Located<String>]
    /// Where `http` is written.
    public var location: SourceLocation

    public init(
        method: Located<HTTPMethod>, path: Located<String>, pathParameters: [Located<String>], fields: [FieldBinding],
        status: Located<Int>?, auth: Located<HTTPAuthPolicy>, errors: [ErrorStatus], rateLimits: [Located<HTTPRateLimit>],
        idempotent: Located<Bool>?, deprecation: Located<Located<String>?>?, tags: [Located<String>],
        response: Located<Response>? = nil, bodyLimit: Located<Int>? = nil, when: [Located<String>] = [],
        at location: SourceLocation
    ) {
        self.response = response
        self.bodyLimit = bodyLimit
        self.when = when
        self.method = method
        self.path = path
        self.pathParameters = pathParameters
        self.fields = fields
        self.status = status
        self.auth = auth
        self.errors = errors
        self.rateLimits = rateLimits
        self.idempotent = idempotent
        self.deprecation = deprecation
        self.tags = tags
        self.location = location
    }

    /// Where a field the spec does not bind explicitly comes from: the path when the path names it, else the body
    /// for a method with one, else the query string.
    public func defaultSource(for field: String) -> Source {
        Self.defaultSource(for: field, method: method.value, pathParameters: pathParameters)
    }

    static func defaultSource(for field: String, method: HTTPMethod, pathParameters: [Located<String>]) -> Source {
        if pathParameters.contains(where: { $0.value == field }) { return .path }
        return method.hasBody ? .body : .query
    }

    /// Where each field of `when` is on the wire, in its order: its source (the query string or a header) and its
    /// name there. A name that is not one of `fields` is left out (validation reports it).
    public func selectors(of fields: [FieldSpec], wireNames: GeneratorOptions.WireNames) -> [(source: Source, name: String)] {
        when.compactMap { name in
            guard let field = fields.first(where: { $0.name == name.value }) else { return nil }
            let source = sources(of: [field])[0].source
            return (source, wireName(of: field.name, source: source, wireNames: wireNames))
        }
    }

    /// Whether a field that takes the whole body (`content`) reads it as text (`String`), rather than as bytes.
    public static func readsContentAsText(_ type: TypeExpression?) -> Bool {
        switch type {
        case .named("String"), .optional(.named("String")): true
        default: false
        }
    }

    /// What a day written alone stands for in `field`'s value, when its binding reads days.
    public func day(of field: String) -> HTTPParameter.DayBoundary? {
        fields.first { $0.field.value == field }?.day?.value
    }

    /// Each field's source, explicit or default, in the order of `fields`; a field bound twice takes its first binding.
    public func sources(of fields: [FieldSpec]) -> [(field: FieldSpec, source: Source, binding: FieldBinding?)] {
        fields.map { field in
            let binding = self.fields.first { $0.field.value == field.name }
            return (field, binding?.source.value ?? defaultSource(for: field.name), binding)
        }
    }

    /// The status of a success: as written, or 204 for an operation without a result or a route that answers none,
    /// 201 for a POST, 200 otherwise.
    public func successStatus(hasResult: Bool) -> Int {
        status?.value ?? (!answersBody(hasResult: hasResult) ? 204 : method.value == .post ? 201 : 200)
    }

    /// Whether a success carries a body: a result the route does not drop.
    public func answersBody(hasResult: Bool) -> Bool {
        if let response, case .empty = response.value { return false }
        return hasResult
    }

    /// Whether repeating the request has the effect of making it once: as written, or true for GET, PUT and DELETE.
    public var isIdempotent: Bool {
        idempotent?.value ?? [.get, .put, .delete].contains(method.value)
    }

    /// A field's name where its source carries it: as its binding names it, else the field's own name in the path and
    /// in headers, else as the configuration's `wireNames` spells it in the query string and the body. For `caller`,
    /// the claim's name, or nil for the caller's id.
    public func wireName(of field: String, source: Source, wireNames: GeneratorOptions.WireNames) -> String {
        if let named = fields.first(where: { $0.field.value == field })?.wireName { return named.value }
        return source == .path || source == .header ? field : wireNames.wireName(of: field)
    }

    /// A rate limit's key as the spec writes it: `address`, `caller`, `field email`.
    public static func describe(_ key: HTTPRateLimit.Key) -> String {
        switch key {
        case .address: "address"
        case .caller: "caller"
        case .field(let name): "field `\(name)`"
        }
    }

    /// A size as a reader writes it: `5 MiB`, `1500 bytes`.
    public static func describeSize(_ bytes: Int) -> String {
        let unit = sizeUnits.reversed().first { bytes % $0.bytes == 0 }!
        return "\(bytes / unit.bytes) \(unit.name)"
    }

    /// The units a size (`bodyLimit`) is written in, by their multiple of a byte, smallest first.
    public static let sizeUnits: [(name: String, bytes: Int)] = [("bytes", 1), ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30)]

    /// The claim a field bound to `{caller: name}` reads; nil for a field bound to the caller's id, or to anything else.
    public func callerClaim(of field: String) -> String? {
        fields.first { $0.field.value == field && $0.source.value == .caller }?.wireName?.value
    }

    /// The routed operations grouped by their method and path, in spec order of each group's first route: one
    /// operation each, except where routes are chosen among by their parameters (`when`).
    public static func routeGroups(of operations: [OperationSpec]) -> [[(operation: OperationSpec, http: HTTPBindingSpec)]] {
        var groups: [[(operation: OperationSpec, http: HTTPBindingSpec)]] = []
        var positions: [String: Int] = [:]
        for operation in operations {
            guard let http = operation.http else { continue }
            let key = http.method.value.rawValue + " " + http.routeShape
            if let position = positions[key] {
                groups[position].append((operation, http))
            } else {
                positions[key] = groups.count
                groups.append([(operation, http)])
            }
        }
        return groups
    }

    /// The path with each parameter's name removed, so that `/a/{id}` and `/a/{accountId}` compare equal.
    public var routeShape: String {
        var shape = "", inBraces = false
        for character in path.value {
            if character == "{" { inBraces = true; shape.append("{") }
            else if character == "}" { inBraces = false; shape.append("}") }
            else if !inBraces { shape.append(character) }
        }
        return shape
    }
}
