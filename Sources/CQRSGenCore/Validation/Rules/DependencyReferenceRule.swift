/// A handler may take only declared dependencies, each once.
public struct DependencyReferenceRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        let declared = spec.dependencies.map(\.typeName)
        var diagnostics: [Diagnostic] = []
        for operation in spec.operations {
            var seen: [String: SourceLocation] = [:]
            for dependency in operation.handler.dependencies {
                if let first = seen[dependency.value] {
                    diagnostics.append(.error(
                        "dependency '\(dependency.value)' is listed twice for handler '\(operation.handler.name.value)'",
                        at: dependency.location, notes: [.init("'\(dependency.value)' is first listed here", at: first)]))
                    continue
                }
                seen[dependency.value] = dependency.location
                if index.dependencies[dependency.value] == nil {
                    let hint = Suggestion.didYouMean(dependency.value, among: declared)
                    diagnostics.append(.error(
                        "undeclared dependency '\(dependency.value)' for handler '\(operation.handler.name.value)'"
                            + (hint.isEmpty ? "; declare it under 'dependencies.request' or 'dependencies.app'" : hint),
                        at: dependency.location))
                }
            }
        }
        return diagnostics
    }
}
