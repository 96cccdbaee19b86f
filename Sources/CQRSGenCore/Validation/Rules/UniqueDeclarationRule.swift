/// Commands, queries, types, dependency types and handlers all become Swift types in one module, so a name may be
/// declared only once across them. (Two operations naming the same handler is `HandlerUniquenessRule`'s concern.)
public struct UniqueDeclarationRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var declarations: [(name: String, what: String, location: SourceLocation)] = []
        declarations += spec.dependencies.map { ($0.typeName, "a \($0.scope.rawValue) dependency", $0.location) }
        declarations += spec.types.map { ($0.name, "a type", $0.location) }
        declarations += spec.operations.map { ($0.name, "a \($0.roleName)", $0.location) }
        // Each operation's handler protocol is generated beside it.
        declarations += spec.operations.map {
            ($0.name + "Handling", "the handler protocol cqrs-gen generates for '\($0.name)'", $0.location)
        }

        var diagnostics: [Diagnostic] = Duplicates.of(declarations, by: \.name).map { earlier, declaration in
            .error(
                "'\(declaration.name)' is already declared as \(earlier.what)", at: declaration.location,
                notes: [.init("'\(declaration.name)' is first declared here", at: earlier.location)])
        }
        let first = Dictionary(declarations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // A handler is a type of its own: it may not take the name of anything declared above.
        var reportedHandlers: Set<String> = []
        for operation in spec.operations {
            let handler = operation.handler.name
            if let earlier = first[handler.value], reportedHandlers.insert(handler.value).inserted {
                diagnostics.append(.error(
                    "handler '\(handler.value)' of \(operation.roleName) '\(operation.name)' has the name of \(earlier.what)",
                    at: handler.location, notes: [.init("'\(handler.value)' is declared here", at: earlier.location)]))
            }
        }
        return diagnostics
    }
}
