public import CQRS

/// One command or query.
public struct OperationSpec: Hashable, Sendable {
    public enum Role: Hashable, Sendable {
        case command(CommandTraits)
        case query(QueryTraits)
    }

    private struct Parts: Hashable, Sendable {
        var name: String
        var location: SourceLocation
        var role: Role
        var category: Located<String>
        var description: String
        var fields: [FieldSpec]
        var result: TypeReference?
        var handler: HandlerSpec
        /// Out of line: a binding is large, and many operations have none.
        var http: Shared<HTTPBindingSpec>?
        var runs: Located<[Located<String>]>?
    }

    private var parts: Shared<Parts>

    public var name: String {
        get { parts.value.name }
        set { parts.value.name = newValue }
    }

    public var location: SourceLocation {
        get { parts.value.location }
        set { parts.value.location = newValue }
    }

    public var role: Role {
        get { parts.value.role }
        set { parts.value.role = newValue }
    }

    public var category: Located<String> {
        get { parts.value.category }
        set { parts.value.category = newValue }
    }

    public var description: String {
        get { parts.value.description }
        set { parts.value.description = newValue }
    }

    public var fields: [FieldSpec] {
        get { parts.value.fields }
        set { parts.value.fields = newValue }
    }

    /// The handler's success value; nil for a command that returns no value.
    public var result: TypeReference? {
        get { parts.value.result }
        set { parts.value.result = newValue }
    }

    public var handler: HandlerSpec {
        get { parts.value.handler }
        set { parts.value.handler = newValue }
    }

    /// How the operation is served over HTTP; nil when the spec binds it to no route.
    public var http: HTTPBindingSpec? {
        get { parts.value.http?.value }
        set { parts.value.http = newValue.map(Shared.init) }
    }

    /// The operations its handler runs, each through the one dispatch path, located at the `runs` key; nil when the
    /// key is absent. Its handler can run these and no others.
    public var runs: Located<[Located<String>]>? {
        get { parts.value.runs }
        set { parts.value.runs = newValue }
    }

    public init(
        name: String, role: Role, category: Located<String>, description: String, fields: [FieldSpec],
        result: TypeReference?, handler: HandlerSpec, http: HTTPBindingSpec? = nil,
        runs: Located<[Located<String>]>? = nil, at location: SourceLocation
    ) {
        parts = Shared(Parts(
            name: name, location: location, role: role, category: category, description: description, fields: fields,
            result: result, handler: handler, http: http.map(Shared.init), runs: runs))
    }

    /// The names of the operations its handler runs, in spec order; empty when it runs none.
    public var runNames: [String] { runs?.value.map(\.value) ?? [] }

    /// Whether its handler runs other operations.
    public var runsOperations: Bool { !(runs?.value.isEmpty ?? true) }

    public var isCommand: Bool {
        if case .command = role { true } else { false }
    }

    public var commandTraits: CommandTraits? {
        if case .command(let traits) = role { traits } else { nil }
    }

    public var queryTraits: QueryTraits? {
        if case .query(let traits) = role { traits } else { nil }
    }

    /// The names of the events a command lists (none for a query), in spec order.
    public var listedEvents: [String] {
        guard let traits = commandTraits, traits.emitsEvents.value else { return [] }
        return traits.events?.value.map(\.value) ?? []
    }

    /// Whether it is a command that lists events it publishes.
    public var listsEvents: Bool { !listedEvents.isEmpty }

    /// "command" or "query", for messages.
    public var roleName: String { isCommand ? "command" : "query" }
}

/// What a command adds to an operation.
public struct CommandTraits: Hashable, Sendable {
    /// Whether the command publishes domain events (default true); located where written, or at the command.
    public var emitsEvents: Located<Bool>
    public var requiresTransaction: Located<Bool>
    /// The domain events the command publishes; nil when the key is absent.
    public var events: Located<[Located<String>]>?

    public init(emitsEvents: Located<Bool>, requiresTransaction: Located<Bool>, events: Located<[Located<String>]>?) {
        self.emitsEvents = emitsEvents
        self.requiresTransaction = requiresTransaction
        self.events = events
    }
}

/// What a query adds to an operation.
public struct QueryTraits: Hashable, Sendable {
    /// How the query reads pages; nil when it does not.
    public var pagination: PaginationSpec?
    public var cachePolicy: Located<CachePolicy>

    public init(pagination: PaginationSpec?, cachePolicy: Located<CachePolicy>) {
        self.pagination = pagination
        self.cachePolicy = cachePolicy
    }
}

/// The handler that serves an operation, and the dependencies its initialiser takes.
public struct HandlerSpec: Hashable, Sendable {
    /// The handler's type name; `<Operation>Handler` unless the spec names another.
    public var name: Located<String>
    /// Whether the name was written in the spec rather than derived from the operation.
    public var isNameExplicit: Bool
    /// Keys of declared dependencies, in the order the handler's initialiser takes them.
    public var dependencies: [Located<String>]

    public init(name: Located<String>, isNameExplicit: Bool, dependencies: [Located<String>]) {
        self.name = name
        self.isNameExplicit = isNameExplicit
        self.dependencies = dependencies
    }
}
