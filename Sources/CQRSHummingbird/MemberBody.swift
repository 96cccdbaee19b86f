/// A result under one member of a JSON object (`{"revoked_count": 3}`), for a route whose `response` names the member:
/// the result is encoded by the configuration's encoder, as it would be alone.
@usableFromInline
struct MemberBody<Value: Encodable>: Encodable {
    @usableFromInline let name: String
    @usableFromInline let value: Value

    @inlinable
    init(name: String, value: Value) {
        self.name = name
        self.value = value
    }

    @usableFromInline
    struct Key: CodingKey {
        @usableFromInline var stringValue: String
        @usableFromInline var intValue: Int? { nil }

        @inlinable init(stringValue: String) { self.stringValue = stringValue }
        @inlinable init?(intValue: Int) { nil }
    }

    @inlinable
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(value, forKey: Key(stringValue: name))
    }
}
