import CQRS

/// A JSON value whose objects keep their keys in the order written, so that its text is the same every time: the
/// committed schema is compared byte for byte.
indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    case number(Int)
    /// A number as the spec writes it (`0.01`), written as it is: the spec's decoder has checked that it is one.
    case literalNumber(String)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text() == rhs.text() }
    func hash(into hasher: inout Hasher) { hasher.combine(text()) }

    /// Two-space indented text; short arrays of scalars stay on one line.
    func text(indent: String = "") -> String {
        switch self {
        case .string(let text): return RegistryStatistics.jsonString(text)
        case .number(let number): return "\(number)"
        case .literalNumber(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .array(let items):
            if items.allSatisfy(\.isScalar) { return "[" + items.map { $0.text() }.joined(separator: ", ") + "]" }
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let inner = indent + "  "
            return "{\n" + members.map { inner + RegistryStatistics.jsonString($0.0) + ": " + $0.1.text(indent: inner) }
                .joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }
}
