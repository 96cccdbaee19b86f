/// What the generated code needs the target's own sources to declare: every handler the spec names (the factory
/// builds them, and the generated files see only the target's module), and every dependency protocol. Checked by
/// the generator when it is given the sources, so that each missing type is one error at the spec, before the
/// compiler would report it once per compiler job.
public enum SourceDeclarationCheck {
    public static func problems(in spec: Spec, sources: [String], folder: String) -> [Diagnostic] {
        let index = SpecIndex(spec)
        let protocols = spec.dependencies.filter { $0.kind == .protocol }
        let wanted = Set(index.operations.map(\.handler.name.value) + protocols.map(\.typeName))
        let declared = DeclaredTypes.declared(in: sources, among: wanted)
        var diagnostics: [Diagnostic] = []
        for operation in index.operations where !declared.contains(operation.handler.name.value) {
            diagnostics.append(.error(
                "no handler '\(operation.handler.name.value)' for \(operation.roleName) '\(operation.name)' in \(folder); "
                    + "write it, or run 'cqrs-gen scaffold --sources \(folder)' for a starting point",
                at: operation.handler.name.location))
        }
        for dependency in protocols where !declared.contains(dependency.typeName) {
            diagnostics.append(.error(
                "dependency '\(dependency.typeName)' is declared nowhere in \(folder); declare 'protocol \(dependency.typeName)' "
                    + "there, or give it 'kind: concrete' if it is a type from Foundation",
                at: dependency.location))
        }
        return diagnostics.sortedByPosition()
    }
}
