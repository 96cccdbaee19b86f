/// Every command and query of an application with its metadata, in spec order, and the views Dashtam's
/// `computed_views` offers. Built once, from generated arrays; lookups by operation type take constant time.
public struct Registry<Category: RegistryCategory>: Sendable {
    public let commands: [CommandMetadata<Category>]
    public let queries: [QueryMetadata<Category>]
    /// The HTTP route of every operation the spec binds, in spec order.
    public let routes: [HTTPRoute<Category>]
    /// What the spec declares about each domain event, in spec order; empty when it declares none.
    public let events: [DomainEventMetadata]
    private let commandIndex: [ObjectIdentifier: Int]
    private let queryIndex: [ObjectIdentifier: Int]

    public init(
        commands: [CommandMetadata<Category>], queries: [QueryMetadata<Category>], routes: [HTTPRoute<Category>] = [],
        events: [DomainEventMetadata] = []
    ) {
        self.commands = commands
        self.queries = queries
        self.routes = routes
        self.events = events
        // The first entry wins; `consistencyProblems()` reports any other.
        commandIndex = Dictionary(
            commands.indices.map { (ObjectIdentifier(commands[$0].commandType), $0) }, uniquingKeysWith: { first, _ in first })
        queryIndex = Dictionary(
            queries.indices.map { (ObjectIdentifier(queries[$0].queryType), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every command type, in spec order.
    public var allCommandTypes: [any Command.Type] { commands.map(\.commandType) }

    /// Every query type, in spec order.
    public var allQueryTypes: [any Query.Type] { queries.map(\.queryType) }

    public func commands(in category: Category) -> [CommandMetadata<Category>] {
        commands.filter { $0.category == category }
    }

    public func queries(in category: Category) -> [QueryMetadata<Category>] {
        queries.filter { $0.category == category }
    }

    /// The metadata of a command type, in constant time; nil for a type the registry does not hold.
    public func metadata(for commandType: any Command.Type) -> CommandMetadata<Category>? {
        commandIndex[ObjectIdentifier(commandType)].map { commands[$0] }
    }

    /// The metadata of a query type, in constant time.
    public func metadata(for queryType: any Query.Type) -> QueryMetadata<Category>? {
        queryIndex[ObjectIdentifier(queryType)].map { queries[$0] }
    }

    public var commandsWithResultDTO: [CommandMetadata<Category>] { commands.filter(\.hasResultDTO) }

    public var commandsEmittingEvents: [CommandMetadata<Category>] { commands.filter(\.emitsEvents) }

    public var commandsRequiringTransaction: [CommandMetadata<Category>] { commands.filter(\.requiresTransaction) }

    public var paginatedQueries: [QueryMetadata<Category>] { queries.filter(\.isPaginated) }

    public func queries(withCachePolicy policy: CachePolicy) -> [QueryMetadata<Category>] {
        queries.filter { $0.cachePolicy == policy }
    }

    public func handlerType(for commandType: any Command.Type) -> Any.Type? {
        metadata(for: commandType)?.handlerType
    }

    public func handlerType(for queryType: any Query.Type) -> Any.Type? {
        metadata(for: queryType)?.handlerType
    }

    /// Every handler type, commands' then queries', in spec order, each once.
    public var allHandlerTypes: [Any.Type] {
        var seen: Set<ObjectIdentifier> = []
        return (commands.map(\.handlerType) + queries.map(\.handlerType)).filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// The figures Dashtam's `get_statistics()` returns, under the same keys as `cqrs-gen stats`.
    public var statistics: RegistryStatistics {
        RegistryStatistics(
            totalCommands: commands.count,
            totalQueries: queries.count,
            commandsByCategory: RegistryStatistics.counts(commands.map(\.category.rawValue)),
            queriesByCategory: RegistryStatistics.counts(queries.map(\.category.rawValue)),
            commandsWithResultDTO: commandsWithResultDTO.count,
            commandsEmittingEvents: commandsEmittingEvents.count,
            commandsRequiringTransaction: commandsRequiringTransaction.count,
            paginatedQueries: paginatedQueries.count,
            queriesByCachePolicy: RegistryStatistics.counts(queries.map(\.cachePolicy.rawValue)),
            totalRoutes: routes.count,
            routesByMethod: RegistryStatistics.counts(routes.map(\.method.rawValue)),
            publicRoutes: routes.count { !$0.auth.requiresCaller },
            rateLimitedRoutes: routes.count { !$0.rateLimits.isEmpty },
            deprecatedRoutes: routes.count { $0.deprecation != nil },
            events: events)
    }

    /// What Dashtam's `validate_registry_consistency()` checks, and what it could not: an empty list means the
    /// registry is consistent. (That every handler handles its operation is the compiler's job.)
    public func consistencyProblems() -> [String] {
        var problems: [String] = []
        func repeats(_ identifiers: [ObjectIdentifier], _ names: [String], _ what: String) {
            var seen: Set<ObjectIdentifier> = []
            for (identifier, name) in zip(identifiers, names) where !seen.insert(identifier).inserted {
                problems.append("\(what) '\(name)' appears more than once")
            }
        }
        repeats(commands.map { ObjectIdentifier($0.commandType) }, commands.map(\.name), "command")
        repeats(queries.map { ObjectIdentifier($0.queryType) }, queries.map(\.name), "query")
        let handlers = commands.map(\.handlerType) + queries.map(\.handlerType)
        repeats(handlers.map(ObjectIdentifier.init), handlers.map { String(describing: $0) }, "handler")
        for command in commands where command.hasResultDTO && command.resultType == nil {
            problems.append("command '\(command.name)' has a result DTO but no result type")
        }
        for command in commands where !command.emitsEvents && !command.events.isEmpty {
            problems.append("command '\(command.name)' lists events but does not emit events")
        }
        return problems
    }
}
