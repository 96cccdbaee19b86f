/// A scalar as written in the spec: its text, how it was quoted, and where it starts.
///
/// libyaml resolves no types, so `true`, `50` and `null` arrive as text; the spec decoder gives them meaning,
/// and the style tells a plain `50` from a quoted `"50"`.
public struct YAMLScalar: Hashable, Sendable {
    public enum Style: Hashable, Sendable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    public var value: String
    public var style: Style
    public var location: SourceLocation

    public init(_ value: String, style: Style = .plain, at location: SourceLocation) {
        self.value = value
        self.style = style
        self.location = location
    }

    /// A plain `null`, `Null`, `NULL`, `~` or nothing at all: YAML's spellings of "no value".
    public var isNull: Bool {
        style == .plain && ["", "~", "null", "Null", "NULL"].contains(value)
    }
}

/// One `key: value` pair of a mapping. Keys are always scalars: the reader rejects any other kind.
public struct YAMLMappingEntry: Hashable, Sendable {
    public var key: YAMLScalar
    public var value: YAMLNode

    public init(key: YAMLScalar, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A node of the spec's YAML tree. Every node keeps the 1-based line and column where it starts, so that every
/// later stage can point at what it is talking about.
public struct YAMLNode: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        /// Entries in the order they were written: the spec's order is the generated code's order.
        case mapping([YAMLMappingEntry])
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    public static func scalar(_ scalar: YAMLScalar) -> YAMLNode {
        YAMLNode(.scalar(scalar), at: scalar.location)
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { scalar } else { nil }
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { items } else { nil }
    }

    public var mapping: [YAMLMappingEntry]? {
        if case .mapping(let entries) = content { entries } else { nil }
    }

    /// What this node is, in the words a diagnostic uses: "a mapping", "a list", "a string".
    public var kindDescription: String {
        switch content {
        case .scalar(let scalar): scalar.isNull ? "an empty value" : "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
