/// One check of a decoded spec, with its own user-facing messages. Rules are independent of each other: each
/// reports every problem of its kind, and the validator runs them all.
public protocol ValidationRule: Sendable {
    func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic]
}

/// Lookups the rules share, built once per validation. Where a name is declared twice the first declaration
/// wins here; `UniqueDeclarationRule` reports the second.
public struct SpecIndex: Sendable {
    public let categories: [String: CategorySpec]
    /// The declared failure codes, by code.
    public let errorCodes: [String: ErrorCodeSpec]
    public let dependencies: [String: DependencySpec]
    public let types: [String: TypeSpec]
    /// Commands, then queries: built once, because every rule walks them.
    public let operations: [OperationSpec]
    /// Every field of every operation and type, with its owner.
    public let fields: [FieldReference]

    public init(_ spec: Spec) {
        operations = spec.operations
        fields = operations.flatMap { operation in
            operation.fields.map { FieldReference(field: $0, owner: operation.isCommand ? .command : .query, ownerName: operation.name) }
        } + spec.types.flatMap { type in
            type.fields.map { FieldReference(field: $0, owner: .type, ownerName: type.name) }
        } + Self.eventFields(spec.events)
        categories = Dictionary(spec.categories.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        errorCodes = Dictionary(spec.errorCodes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        dependencies = Dictionary(spec.dependencies.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        types = Dictionary(spec.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every event's fields, a three-phase entry's shared ones once (with its first phase), so that a mistake in
    /// them is reported once, not once per phase. The implicit `failureCode` of a failed phase is nobody's to check.
    static func eventFields(_ events: [EventSpec]) -> [FieldReference] {
        var entriesSeen: Set<String> = []
        return events.flatMap { event -> [FieldReference] in
            guard let entry = event.workflowEntry else {
                return event.fields.map { FieldReference(field: $0, owner: .event, ownerName: event.name) }
            }
            let shared = entriesSeen.insert(entry).inserted ? event.fields.prefix(event.sharedFieldCount) : []
            var own = event.fields.dropFirst(event.sharedFieldCount)
            if event.phase == .failed { own = own.dropLast() }
            return shared.map { FieldReference(field: $0, owner: .event, ownerName: entry) }
                + own.map { FieldReference(field: $0, owner: .event, ownerName: event.name) }
        }
    }

    /// Whether `name` is a type fields and results may use: a built-in one or a declared one.
    public func isKnownType(_ name: String) -> Bool {
        BuiltinTypes.all[name] != nil || types[name] != nil
    }

    /// Every type name a field or result may use, for suggestions.
    public var knownTypeNames: [String] {
        BuiltinTypes.names + types.keys.sorted()
    }
}

/// A field and what declares it, for rules that look at all fields alike.
public struct FieldReference: Sendable {
    public enum Owner: String, Sendable {
        case command, query, type, event
    }

    public let field: FieldSpec
    public let owner: Owner
    public let ownerName: String

    /// `command 'RegisterUser'`: the owner as messages name it, built only when a message needs it.
    public var ownerDescription: String { "\(owner.rawValue) '\(ownerName)'" }
}
