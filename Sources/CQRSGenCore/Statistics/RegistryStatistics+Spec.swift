public import CQRS

extension RegistryStatistics {
    /// The statistics of a spec, as the application compiled from it will report them: a command has a result DTO
    /// when its result is one of the spec's declared types (not an optional or array of one).
    public init(_ spec: Spec) {
        let declaredTypes = Set(spec.types.map(\.name))
        // In spec order, as the generated route table holds them: commands, then queries.
        let routes = (spec.commands + spec.queries).compactMap(\.http)
        self.init(
            totalCommands: spec.commands.count,
            totalQueries: spec.queries.count,
            commandsByCategory: Self.counts(spec.commands.map(\.category.value)),
            queriesByCategory: Self.counts(spec.queries.map(\.category.value)),
            commandsWithResultDTO: spec.commands.count { $0.hasResultDTO(isDeclaredType: declaredTypes.contains) },
            commandsEmittingEvents: spec.commands.count { $0.commandTraits?.emitsEvents.value == true },
            commandsRequiringTransaction: spec.commands.count { $0.commandTraits?.requiresTransaction.value == true },
            paginatedQueries: spec.queries.count { $0.queryTraits?.pagination != nil },
            queriesByCachePolicy: Self.counts(spec.queries.compactMap { $0.queryTraits?.cachePolicy.value.rawValue }),
            totalRoutes: routes.count,
            routesByMethod: Self.counts(routes.map(\.method.value.rawValue)),
            publicRoutes: routes.count { !$0.auth.value.requiresCaller },
            rateLimitedRoutes: routes.count { !$0.rateLimits.isEmpty },
            deprecatedRoutes: routes.count { $0.deprecation != nil },
            events: spec.events.map { $0.metadata(specPath: "") })
    }
}

extension EventSpec {
    /// What the generated event's `metadata` holds, for figures computed from the spec.
    public func metadata(specPath: String) -> DomainEventMetadata {
        DomainEventMetadata(
            name: name, category: category?.value, workflow: workflow.value, phase: phase, requiresLogging: requiresLogging,
            auditAction: auditAction, requiresEmail: requiresEmail, requiresSession: requiresSession,
            location: SpecLocation(file: specPath, line: location.line, column: location.column))
    }
}

extension OperationSpec {
    /// Whether the operation's result is one of the declared types itself.
    public func hasResultDTO(isDeclaredType: (String) -> Bool) -> Bool {
        switch result?.expression {
        case .named(let name), .generic(let name, _): isDeclaredType(name)
        default: false
        }
    }
}
