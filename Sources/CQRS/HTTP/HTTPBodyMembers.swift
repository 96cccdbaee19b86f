/// Decodes the members of a request's JSON body one by one, keeping every member's error instead of stopping at the
/// first: what the generated body type of each routed operation decodes with, so that one answer names every member
/// that is missing or unreadable.
public struct HTTPBodyMembers<Key: CodingKey> {
    private let container: KeyedDecodingContainer<Key>
    public private(set) var errors: [DecodingError] = []

    /// Fails, as a decoder does, when the body is not a JSON object.
    public init(_ decoder: any Decoder, keys: Key.Type) throws {
        container = try decoder.container(keyedBy: Key.self)
    }

    /// A member the body must carry; nil, with its error kept, when it is missing or unreadable.
    public mutating func required<Value: Decodable>(_ type: Value.Type, _ key: Key) -> Value? {
        let container = container
        return keep { try container.decode(Value.self, forKey: key) }
    }

    /// A member the body may leave out, or send as null; nil, with its error kept, when it is unreadable.
    public mutating func optional<Value: Decodable>(_ type: Value.Type, _ key: Key) -> Value? {
        let container = container
        return keep { try container.decodeIfPresent(Value.self, forKey: key) } ?? nil
    }

    /// Throws every error kept, if any.
    public func finish() throws(HTTPBodyErrors) {
        guard errors.isEmpty else { throw HTTPBodyErrors(errors: errors) }
    }

    private mutating func keep<Value>(_ decode: () throws -> Value) -> Value? {
        do {
            return try decode()
        } catch let error as DecodingError {
            errors.append(error)
        } catch {
            errors.append(.dataCorrupted(.init(codingPath: [], debugDescription: "\(error)")))
        }
        return nil
    }
}

/// Every member of a body that could not be decoded.
public struct HTTPBodyErrors: Error {
    public let errors: [DecodingError]

    public init(errors: [DecodingError]) {
        self.errors = errors
    }
}
