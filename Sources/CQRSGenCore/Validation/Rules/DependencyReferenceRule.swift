/// A handler may take only declared dependencies, each once.
public struct DependencyReferenceRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        let declared = spec.dependencies.map(\.typeName)
        var diagnostics: [Diagnostic] = []
        for operation in index.operations {
            let handler = operation.handler.name.value
            let dependencies = operation.handler.dependencies
            diagnostics += Duplicates.of(dependencies, by: \.value).map { earlier, dependency in
                .error(
                    "dependency '\(dependency.value)' is listed twice for handler '\(handler)'", at: dependency.location,
                    notes: [.init("'\(dependency.value)' is first listed here", at: earlier.location)])
            }
            // Each undeclared name once per handler, where it is first listed.
            var reported: Set<String> = []
            for dependency in dependencies where index.dependencies[dependency.value] == nil {
                guard reported.insert(dependency.value).inserted else { continue }
                let hint = Suggestion.didYouMean(dependency.value, among: declared)
                diagnostics.append(.error(
                    "undeclared dependency '\(dependency.value)' for handler '\(handler)'"
                        + (hint.isEmpty ? "; declare it under 'dependencies.request' or 'dependencies.app'" : hint),
                    at: dependency.location))
            }
        }
        return diagnostics
    }
}
