/// Command names start with an imperative verb and query names with an interrogative word, from
/// `conventions.commandPrefixes` and `conventions.queryPrefixes` (Dashtam's lists by default).
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
            diagnostics.append(.error(
                "command name '\(command.name)' does not start with a command verb (\(commandPrefixes.joined(separator: ", ")))\(hint); rename it or add its verb to 'conventions.commandPrefixes'",
                at: command.location))
        }
        for query in spec.queries where !queryPrefixes.isEmpty && NamePrefix.first(of: queryPrefixes, in: query.name) == nil {
            let hint = NamePrefix.first(of: commandPrefixes, in: query.name).map {
                " ('\($0)' starts a command name: is it a command?)"
            } ?? ""
            diagnostics.append(.error(
                "query name '\(query.name)' does not start with a query word (\(queryPrefixes.joined(separator: ", ")))\(hint); rename it or add the word to 'conventions.queryPrefixes'",
                at: query.location))
        }
        return diagnostics
    }
}
