/// One entry of `types`: a result or value type that operations and other types can use by name.
public struct TypeSpec: Hashable, Sendable {
    public enum Body: Hashable, Sendable {
        /// A struct with ordered stored properties.
        case structure([FieldSpec])
        /// An enumeration with `String` raw values.
        case enumeration([EnumCaseSpec])
    }

    public var name: String
    public var description: String?
    public var body: Body
    public var location: SourceLocation

    public init(name: String, description: String?, body: Body, at location: SourceLocation) {
        self.name = name
        self.description = description
        self.body = body
        self.location = location
    }

    public var isStructure: Bool {
        if case .structure = body { true } else { false }
    }

    public var fields: [FieldSpec] {
        if case .structure(let fields) = body { fields } else { [] }
    }

    public var cases: [EnumCaseSpec] {
        if case .enumeration(let cases) = body { cases } else { [] }
    }
}

/// One case of an enumeration type: its Swift name and the raw value it is encoded as.
public struct EnumCaseSpec: Hashable, Sendable {
    public var name: String
    public var rawValue: String
    public var description: String?
    public var location: SourceLocation

    public init(name: String, rawValue: String, description: String?, at location: SourceLocation) {
        self.name = name
        self.rawValue = rawValue
        self.description = description
        self.location = location
    }
}

/// One stored property of an operation or a declared type: `name: Type`, or `name: {type, default, description}`.
public struct FieldSpec: Hashable, Sendable {
    public var name: String
    public var type: TypeReference
    /// The default value as written; the validator checks it against the type.
    public var defaultValue: YAMLNode?
    public var description: String?
    /// Where the field's name is written.
    public var location: SourceLocation

    public init(name: String, type: TypeReference, defaultValue: YAMLNode?, description: String?, at location: SourceLocation) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.description = description
        self.location = location
    }
}
