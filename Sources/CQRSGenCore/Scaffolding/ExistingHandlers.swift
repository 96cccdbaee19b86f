/// The types a folder of Swift sources declares, found by their declarations (`struct RegisterUserHandler`,
/// `final class …`, `actor …`, `enum …`, `protocol …`, `typealias …`): enough to tell which handlers and dependency
/// types are missing without compiling anything. A declaration in a line comment does not count.
public enum ExistingHandlers {
    static let declarationKeywords: Set<Substring> = ["struct", "class", "actor", "enum", "protocol", "typealias"]

    public static func declared(in sources: [String], among names: Set<String>) -> Set<String> {
        var found: Set<String> = []
        for source in sources {
            for line in source.split(whereSeparator: \.isNewline) {
                let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let words = code.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
                for (index, word) in words.enumerated().dropLast() where declarationKeywords.contains(word) {
                    let name = String(words[index + 1])
                    if names.contains(name) { found.insert(name) }
                }
            }
        }
        return found
    }
}

/// What the generated code needs the target's own sources to declare: every handler the spec names (the factory
/// builds them, and the generated files see only the target's module), and every dependency protocol. Checked by
/// the generator when it is given the sources, so that each missing type is one error at the spec, before the
/// compiler would report it once per compiler job.
public enum SourceDeclarationCheck {
    public static func problems(in spec: Spec, sources: [String], folder: String) -> [Diagnostic] {
        let index = SpecIndex(spec)
        let protocols = spec.dependencies.filter { $0.kind == .protocol }
        let wanted = Set(index.operations.map(\.handler.name.value) + protocols.map(\.typeName))
        let declared = ExistingHandlers.declared(in: sources, among: wanted)
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
