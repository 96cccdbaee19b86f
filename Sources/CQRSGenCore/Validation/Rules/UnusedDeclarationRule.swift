/// Warns about declarations nothing uses: a category with no operation, a dependency no handler takes, a type no
/// operation reaches through its fields or result. Each is harmless to compile but usually a leftover or a typo.
public struct UnusedDeclarationRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let usedCategories = Set(spec.operations.map(\.category.value))
        for category in spec.categories where !usedCategories.contains(category.name) {
            diagnostics.append(.warning("category '\(category.name)' is declared but no operation uses it", at: category.location))
        }
        let usedDependencies = Set(spec.operations.flatMap { $0.handler.dependencies.map(\.value) })
        for dependency in spec.dependencies where !usedDependencies.contains(dependency.typeName) {
            diagnostics.append(.warning(
                "dependency '\(dependency.typeName)' is declared but no handler takes it", at: dependency.location))
        }
        let reachable = reachableTypes(spec, index)
        for type in spec.types where !reachable.contains(type.name) {
            diagnostics.append(.warning(
                "type '\(type.name)' is declared but no operation uses it, directly or through other types",
                at: type.location))
        }
        return diagnostics
    }

    /// Declared types reachable from operations' fields and results.
    private func reachableTypes(_ spec: Spec, _ index: SpecIndex) -> Set<String> {
        var pending = spec.operations.flatMap { operation in
            operation.fields.flatMap { $0.type.expression?.referencedNames ?? [] }
                + (operation.result?.expression?.referencedNames ?? [])
        }
        var reached: Set<String> = []
        while let name = pending.popLast() {
            guard let type = index.types[name], reached.insert(name).inserted else { continue }
            pending += type.fields.flatMap { $0.type.expression?.referencedNames ?? [] }
        }
        return reached
    }
}
