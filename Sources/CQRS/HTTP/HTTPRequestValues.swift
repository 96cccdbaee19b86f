// FoundationEssentials where there is one: the generator links this library too, and Foundation's full library
// (with ICU) costs every run of it 7 MB before it reads a byte.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The values of one request that an operation is built from: what a server adapter provides, over its own request
/// type, so that the generated code reads fields the same way whatever serves them.
public protocol HTTPRequestValues {
    /// A path parameter, by its name in the route's braces.
    func pathParameter(_ name: String) -> String?
    /// A query parameter, by its name; the first value when the name is repeated.
    func queryParameter(_ name: String) -> String?
    /// A header, by its name, whatever its case.
    func header(_ name: String) -> String?
    /// The authenticated caller; nil when the request has none.
    var caller: HTTPCaller? { get }
    /// The client's address; nil when unknown.
    var clientAddress: String? { get }
    /// The JSON body, decoded as `Body`.
    func decodeBody<Body: Decodable>(_ type: Body.Type) throws -> Body
    /// The whole body as it came, for a route that reads it as a field's value; nil when the request has none.
    var content: Data? { get }
}

/// Why a request could not be turned into its operation: every field that is missing or cannot be read, by where it
/// was to come from. An adapter answers it as one problem that names them all.
public struct HTTPBindingError: Error, Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// A required field is absent.
        case missing
        /// The value cannot be read as the field's type, described here (`UUID`, `one of 'a', 'b'`).
        case invalid(expected: String)
        /// The body is not a JSON object of the shape the operation reads.
        case malformedBody
    }

    public struct Problem: Sendable, Hashable {
        /// The field, or nil for the body as a whole.
        public let field: String?
        public let source: HTTPParameter.Source?
        public let reason: Reason

        public init(field: String?, source: HTTPParameter.Source?, reason: Reason) {
            self.field = field
            self.source = source
            self.reason = reason
        }
    }

    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }
}

/// Reads an operation's fields from one request as its route binds them, collecting every problem instead of
/// stopping at the first: what the generated `init(httpRequest:)` of each routed operation uses.
public struct HTTPFieldReader<Category: RegistryCategory> {
    /// The route's parameters only: copying the whole route into every request's reader retained each of its strings
    /// and arrays.
    public let parameters: [HTTPParameter]
    public private(set) var problems: [HTTPBindingError.Problem] = []

    public init(route: HTTPRoute<Category>) {
        self.parameters = route.parameters
    }

    /// The value of the route's parameter at `index`, read from its text by `parse`. Nil when it is absent (a problem
    /// if the parameter is required) or cannot be read (always a problem, described by `expected`).
    public mutating func value<Value>(
        _ index: Int, in request: some HTTPRequestValues, expected: @autoclosure () -> String, _ parse: (String) -> Value?
    ) -> Value? {
        let parameter = parameters[index]
        let text: String?
        switch parameter.source {
        case .path(let name): text = request.pathParameter(name)
        case .query(let name): text = request.queryParameter(name)
        case .header(let name): text = request.header(name)
        case .caller: text = request.caller?.id
        case .callerClaim(let name): text = request.caller?.claims[name]
        case .clientAddress: text = request.clientAddress
        case .body, .content, .defaultValue, .fixedValue: preconditionFailure("\(parameter.source) is not read as text")
        }
        return read(parameter, text, expected: expected(), parse)
    }

    /// The whole body, read by `parse` (as bytes, or as text); nil when it is empty (a problem if the field is
    /// required) or cannot be read (always a problem, described by `expected`).
    public mutating func content<Value>(
        _ index: Int, in request: some HTTPRequestValues, expected: @autoclosure () -> String, _ parse: (Data) -> Value?
    ) -> Value? {
        let content = request.content
        return read(parameters[index], content?.isEmpty == false ? content : nil, expected: expected(), parse)
    }

    /// `raw` read by `parse`: nil when it is absent (a problem if `parameter` is required) or cannot be read (always a
    /// problem, described by `expected`).
    private mutating func read<Raw, Value>(
        _ parameter: HTTPParameter, _ raw: Raw?, expected: @autoclosure () -> String, _ parse: (Raw) -> Value?
    ) -> Value? {
        guard let raw else {
            if parameter.isRequired {
                problems.append(.init(field: parameter.field, source: parameter.source, reason: .missing))
            }
            return nil
        }
        guard let value = parse(raw) else {
            problems.append(.init(field: parameter.field, source: parameter.source, reason: .invalid(expected: expected())))
            return nil
        }
        return value
    }

    /// The body's members the operation reads, decoded; nil, with the problem, when they cannot be. A member the
    /// decoder names is reported as its field.
    public mutating func body<Body: Decodable>(_ type: Body.Type, in request: some HTTPRequestValues) -> Body? {
        do {
            return try request.decodeBody(type)
        } catch let error as HTTPBodyErrors {
            problems.append(contentsOf: error.errors.map(problem))
            return nil
        } catch let error as DecodingError {
            problems.append(problem(error))
            return nil
        } catch {
            problems.append(.init(field: nil, source: nil, reason: .malformedBody))
            return nil
        }
    }

    /// Throws the problems found, if any.
    public func finish() throws(HTTPBindingError) {
        guard problems.isEmpty else { throw HTTPBindingError(problems: problems) }
    }

    /// What a value of `type` looks like, in the words the generated code uses for path, query and header values.
    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type: "text"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type, is UInt64.Type: "a whole number (\(type))"
        case is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "a list"
        case is [String: Any].Type: "an object"
        default: "\(type)"
        }
    }

    /// The field a decoding error is about, found by its key on the wire.
    private func problem(_ error: DecodingError) -> HTTPBindingError.Problem {
        func parameter(_ path: [any CodingKey]) -> HTTPParameter? {
            guard let key = path.first?.stringValue else { return nil }
            return parameters.first { $0.source == .body(key) }
        }
        switch error {
        case .keyNotFound(let key, let context):
            if let found = parameter(context.codingPath + [key]) {
                return .init(field: found.field, source: found.source, reason: .missing)
            }
        case .valueNotFound(let type, let context), .typeMismatch(let type, let context):
            if let found = parameter(context.codingPath) {
                return .init(field: found.field, source: found.source, reason: .invalid(expected: Self.describe(type)))
            }
        case .dataCorrupted(let context):
            if let found = parameter(context.codingPath) {
                return .init(field: found.field, source: found.source, reason: .invalid(expected: context.debugDescription))
            }
        @unknown default:
            break
        }
        return .init(field: nil, source: nil, reason: .malformedBody)
    }
}
