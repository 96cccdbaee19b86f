/// Commands, queries, types, events, dependency types and handlers all become Swift types in one module, so a name may be
/// declared only once across them. (Two operations naming the same handler is `HandlerUniquenessRule`'s concern.)
public struct UniqueDeclarationRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        // What each name declares, as messages say it; described only for the names reported.
        enum Kind {
            case dependency(DependencySpec.Scope), type, operation(String), handlerProtocol(of: String), event
            case eventSink(of: String), steps(of: String)

            var description: String {
                switch self {
                case .dependency(let scope): "a \(scope.rawValue) dependency"
                case .type: "a type"
                case .operation(let role): "a \(role)"
                case .handlerProtocol(let operation): "the handler protocol cqrs-gen generates for '\(operation)'"
                case .event: "an event"
                case .eventSink(let command): "the events value cqrs-gen generates for '\(command)'"
                case .steps(let operation): "the steps value cqrs-gen generates for '\(operation)'"
                }
            }
        }
        var declarations: [(name: String, kind: Kind, location: SourceLocation)] = []
        declarations += spec.dependencies.map { ($0.typeName, .dependency($0.scope), $0.location) }
        declarations += spec.types.map { ($0.name, .type, $0.location) }
        declarations += index.operations.map { ($0.name, .operation($0.roleName), $0.location) }
        // Each operation's handler protocol is generated beside it.
        declarations += index.operations.map {
            (GeneratedNames.handlerProtocol(of: $0.name), .handlerProtocol(of: $0.name), $0.location)
        }
        declarations += spec.events.map { ($0.name, .event, $0.location) }
        // With declared events, each command that lists some publishes them through a value generated beside it.
        if spec.declaresEvents {
            declarations += spec.commands.filter(\.listsEvents).map {
                (GeneratedNames.eventSink(of: $0.name), .eventSink(of: $0.name), $0.location)
            }
        }

        // Each operation that runs others runs them through a value generated beside it.
        declarations += index.operations.filter(\.runsOperations).map {
            (GeneratedNames.steps(of: $0.name), .steps(of: $0.name), $0.location)
        }

        var diagnostics: [Diagnostic] = Duplicates.of(declarations, by: \.name).map { earlier, declaration in
            .error(
                "'\(declaration.name)' is already declared as \(earlier.kind.description)", at: declaration.location,
                notes: [.init("'\(declaration.name)' is first declared here", at: earlier.location)])
        }
        let first = Dictionary(declarations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // A handler is a type of its own: it may not take the name of anything declared above.
        var reportedHandlers: Set<String> = []
        for operation in index.operations {
            let handler = operation.handler.name
            if let earlier = first[handler.value], reportedHandlers.insert(handler.value).inserted {
                diagnostics.append(.error(
                    "handler '\(handler.value)' of \(operation.roleName) '\(operation.name)' has the name of \(earlier.kind.description)",
                    at: handler.location, notes: [.init("'\(handler.value)' is declared here", at: earlier.location)]))
            }
        }
        return diagnostics
    }
}
