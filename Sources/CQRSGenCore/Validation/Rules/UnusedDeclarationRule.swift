/// Warns about declarations nothing uses: a category with no operation, a dependency no handler takes, a type no
/// operation reaches through its fields or result, an event no command lists. Each is harmless to compile but usually a leftover or a typo.
public struct UnusedDeclarationRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let categoryNames = spec.categories.map(\.name)
        let usedCategories = Self.used(index.operations.map(\.category.value), declared: categoryNames)
        for category in spec.categories where !usedCategories.contains(category.name) {
            diagnostics.append(.warning("category '\(category.name)' is declared but no operation uses it", at: category.location))
        }
        let usedDependencies = Self.used(
            index.operations.flatMap { $0.handler.dependencies.map(\.value) }, declared: spec.dependencies.map(\.typeName))
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
        let listed = Self.used(spec.commands.flatMap(\.listedEvents), declared: spec.events.map(\.name))
        for event in spec.events where !listed.contains(event.name) {
            diagnostics.append(.warning("event '\(event.name)' is declared but no command lists it", at: event.location))
        }
        return diagnostics
    }

    /// The declared names that `references` use. A misspelt reference counts as a use of the name it was
    /// probably meant to be, which another rule suggests: one typo should not also make its target look unused.
    static func used(_ references: [String], declared: [String]) -> Set<String> {
        used(references, declared: Set(declared), candidates: declared)
    }

    static func used(_ references: [String], declared: Set<String>, candidates: [String]) -> Set<String> {
        Set(references.compactMap { reference in
            declared.contains(reference) ? reference : Suggestion.closest(to: reference, among: candidates)
        })
    }

    /// Declared types reachable from operations' fields and results, and events' fields.
    private func reachableTypes(_ spec: Spec, _ index: SpecIndex) -> Set<String> {
        let candidates = spec.types.map(\.name)
        let declared = Set(candidates)
        func names(_ expression: TypeExpression?) -> [String] {
            // Built-in types are known names, not typos of declared ones.
            let references = (expression?.referencedNames ?? []).filter { BuiltinTypes.all[$0] == nil }
            return Array(Self.used(references, declared: declared, candidates: candidates))
        }
        var pending = index.operations.flatMap { operation in
            operation.fields.flatMap { names($0.type.expression) } + names(operation.result?.expression)
        } + index.fields.filter { $0.owner == .event }.flatMap { names($0.field.type.expression) }
        var reached: Set<String> = []
        while let name = pending.popLast() {
            guard let type = index.types[name], reached.insert(name).inserted else { continue }
            let parameters = Set(type.parameters.map(\.value))
            pending += type.fields.flatMap { names($0.type.expression) }.filter { !parameters.contains($0) }
        }
        return reached
    }
}
