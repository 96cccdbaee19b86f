/// Command names start with an imperative verb and query names with an interrogative word, from the configuration's
/// `naming` (a broad list of common verbs and words by default, which a team extends or replaces).
public struct NamingConventionRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        let commandPrefixes = spec.conventions.commandPrefixes.map(\.value)
        let queryPrefixes = spec.conventions.queryPrefixes.map(\.value)
        var diagnostics: [Diagnostic] = []
        for command in spec.commands where !commandPrefixes.isEmpty && NamePrefix.first(of: commandPrefixes, in: command.name) == nil {
            let hint = NamePrefix.first(of: queryPrefixes, in: command.name).map {
                " ('\($0)' starts a query name: is it a query?)"
            } ?? ""
            let verb = Self.firstWord(of: command.name)
            diagnostics.append(.error(
                "command name '\(command.name)' does not start with a known command verb\(hint); rename it, or add "
                    + "'\(verb)' to 'naming.additionalCommandPrefixes' in cqrs-gen-config.yaml",
                at: command.location))
        }
        for query in spec.queries where !queryPrefixes.isEmpty && NamePrefix.first(of: queryPrefixes, in: query.name) == nil {
            let hint = NamePrefix.first(of: commandPrefixes, in: query.name).map {
                " ('\($0)' starts a command name: is it a command?)"
            } ?? ""
            let word = Self.firstWord(of: query.name)
            diagnostics.append(.error(
                "query name '\(query.name)' does not start with a known query word\(hint); rename it, or add "
                    + "'\(word)' to 'naming.additionalQueryPrefixes' in cqrs-gen-config.yaml",
                at: query.location))
        }
        return diagnostics
    }

    /// `PurgeTodoLists` → `Purge`: the capitalised word a name starts with, which the message offers to add.
    static func firstWord(of name: String) -> String {
        guard let first = name.first else { return name }
        return String(first) + name.dropFirst().prefix { !$0.isUppercase && $0 != "_" && !$0.isNumber }
    }
}
