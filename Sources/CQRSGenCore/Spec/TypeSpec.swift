/// One entry of `types`: a result or value type that operations and other types can use by name.
public struct TypeSpec: Hashable, Sendable {
    public enum Body: Hashable, Sendable {
        /// A struct with ordered stored properties.
        case structure([FieldSpec])
        /// An enumeration with raw values of `rawType`.
        case enumeration([EnumCaseSpec])
    }

    /// The raw values an enumeration is encoded as.
    public enum RawType: String, Hashable, Sendable, CaseIterable {
        case string = "String"
        case int = "Int"
    }

    public var name: String
    public var description: String?
    public var body: Body
    /// A struct's type parameters (`Page<Item>` declares `Item`), in order; empty for a type that is not generic.
    public var parameters: [Located<String>]
    /// An enumeration's raw type.
    public var rawType: RawType
    public var location: SourceLocation

    public init(
        name: String, description: String?, body: Body, parameters: [Located<String>] = [], rawType: RawType = .string,
        at location: SourceLocation
    ) {
        self.name = name
        self.description = description
        self.body = body
        self.parameters = parameters
        self.rawType = rawType
        self.location = location
    }

    public var isGeneric: Bool { !parameters.isEmpty }

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
    private struct Parts: Hashable, Sendable {
        var name: String
        var type: TypeReference
        var defaultValue: YAMLNode?
        var description: String?
        var constraints: FieldConstraints
        var location: SourceLocation
    }

    private var parts: Shared<Parts>

    public var name: String {
        get { parts.value.name }
        set { parts.value.name = newValue }
    }

    public var type: TypeReference {
        get { parts.value.type }
        set { parts.value.type = newValue }
    }

    /// The default value as written; the validator checks it against the type.
    public var defaultValue: YAMLNode? {
        get { parts.value.defaultValue }
        set { parts.value.defaultValue = newValue }
    }

    public var description: String? {
        get { parts.value.description }
        set { parts.value.description = newValue }
    }

    /// What the value must be beyond its type; empty for most fields.
    public var constraints: FieldConstraints {
        get { parts.value.constraints }
        set { parts.value.constraints = newValue }
    }

    /// Where the field's name is written.
    public var location: SourceLocation {
        get { parts.value.location }
        set { parts.value.location = newValue }
    }

    public init(
        name: String, type: TypeReference, defaultValue: YAMLNode?, description: String?,
        constraints: FieldConstraints = FieldConstraints(), at location: SourceLocation
    ) {
        parts = Shared(Parts(
            name: name, type: type, defaultValue: defaultValue, description: description, constraints: constraints,
            location: location))
    }
}
