import CQRS

/// A result under one member of a JSON object (`{"revoked_count": 3}`), for a route whose `response` names the member,
/// beside the route's members of fixed text: the result is encoded by the configuration's encoder, as it would be
/// alone.
@usableFromInline
struct MemberBody<Value: Encodable, Category: RegistryCategory>: Encodable {
    @usableFromInline let name: String
    @usableFromInline let value: Value
    @usableFromInline let fixed: [HTTPRoute<Category>.FixedMember]

    @inlinable
    init(name: String, value: Value, fixed: [HTTPRoute<Category>.FixedMember]) {
        self.name = name
        self.value = value
        self.fixed = fixed
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
        for member in fixed {
            try container.encode(member.text, forKey: Key(stringValue: member.name))
        }
    }
}
