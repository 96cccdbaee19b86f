/// A decoded spec: everything `spec/operations.yaml` declares, in the order it was written, each part with its
/// position in the file. This is the typed value between the decoder and the validator (and, later, the
/// generator); it holds the spec as written, right or wrong, and the validator decides what is wrong.
public struct Spec: Sendable {
    /// The spec language version; this tool reads version 1.
    public var version: Located<Int>
    public var categories: [CategorySpec]
    /// Dependencies built per request, on the request's database session: repositories, per-request services.
    public var requestDependencies: [DependencySpec]
    /// The app's singletons.
    public var appDependencies: [DependencySpec]
    /// Declared result and value types (DTOs and enumerations).
    public var types: [TypeSpec]
    public var commands: [OperationSpec]
    public var queries: [OperationSpec]
    /// The domain events, each phase of a three-phase entry as one event, in spec order.
    public var events: [EventSpec] = []
    /// Where the `events` section starts, or nil when the spec has none: then commands' `events` are names only,
    /// and nothing typed is generated for them.
    public var eventsSection: SourceLocation?
    /// The failure codes, in spec order.
    public var errorCodes: [ErrorCodeSpec] = []
    /// Where the `errors` section starts, or nil when the spec has none: then codes are strings, as routes spell them.
    public var errorsSection: SourceLocation?
    public var conventions: ConventionsSpec
    /// The text of the spec lines that generated code points the compiler at, for its comments.
    public var sourceLines = SourceLines()

    public init(
        version: Located<Int>,
        categories: [CategorySpec] = [],
        requestDependencies: [DependencySpec] = [],
        appDependencies: [DependencySpec] = [],
        types: [TypeSpec] = [],
        commands: [OperationSpec] = [],
        queries: [OperationSpec] = [],
        conventions: ConventionsSpec = ConventionsSpec()
    ) {
        self.version = version
        self.categories = categories
        self.requestDependencies = requestDependencies
        self.appDependencies = appDependencies
        self.types = types
        self.commands = commands
        self.queries = queries
        self.conventions = conventions
    }

    /// Commands, then queries, each in spec order.
    public var operations: [OperationSpec] { commands + queries }

    /// Whether the spec declares its events, so that they are typed and commands' `events` must name them.
    public var declaresEvents: Bool { eventsSection != nil }

    /// Whether the spec declares its failure codes, so that they are typed and routes must name declared ones.
    public var declaresErrors: Bool { errorsSection != nil }

    /// Whether some operation's handler runs others (`runs`), so that the factory takes a step runner.
    public var composesOperations: Bool { operations.contains(where: \.runsOperations) }

    /// Request-scoped dependencies, then app-scoped ones, each in spec order.
    public var dependencies: [DependencySpec] { requestDependencies + appDependencies }
}

/// One entry of `categories`: the raw value operations name, and what the category groups.
public struct CategorySpec: Hashable, Sendable {
    public var name: String
    public var description: String
    public var location: SourceLocation

    public init(name: String, description: String, at location: SourceLocation) {
        self.name = name
        self.description = description
        self.location = location
    }
}
