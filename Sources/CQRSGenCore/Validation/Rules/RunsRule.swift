/// An operation's `runs` lists the operations its handler runs: each one declared, once, never the operation itself
/// nor anything that runs it back, since the two would run each other until the stack ran out. A query changes
/// nothing, so it runs queries only. A command that runs others has no transaction of its own: each command it runs
/// has one, and a second on the same session would fail at its first statement.
public struct RunsRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        let operations = Dictionary(index.operations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let order = Dictionary(index.operations.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        for operation in index.operations {
            guard let runs = operation.runs else { continue }
            let owner = "\(operation.roleName) '\(operation.name)'"
            if runs.value.isEmpty {
                diagnostics.append(.error("'runs' of \(owner) lists no operation; remove it, or name what its handler runs", at: runs.location))
                continue
            }
            diagnostics += Duplicates.of(runs.value, by: \.value).map { earlier, repeated in
                .error(
                    "'\(repeated.value)' is listed twice in 'runs' of \(owner)", at: repeated.location,
                    notes: [.init("'\(repeated.value)' is first listed here", at: earlier.location)])
            }
            if let traits = operation.commandTraits, traits.requiresTransaction.value {
                diagnostics.append(.error(
                    "\(owner) runs other operations, each in a transaction of its own, so it cannot require one; "
                        + "remove 'requiresTransaction: true'",
                    at: traits.requiresTransaction.location))
            }
            for item in runs.value {
                guard let step = operations[item.value] else {
                    let hint = Suggestion.didYouMean(item.value, among: index.operations.map(\.name))
                    diagnostics.append(.error(
                        "'runs' of \(owner) names '\(item.value)', which is neither a command nor a query"
                            + (hint.isEmpty ? "" : hint),
                        at: item.location))
                    continue
                }
                if step.name == operation.name {
                    diagnostics.append(.error("\(owner) runs itself; its handler would never return", at: item.location))
                    continue
                }
                if !operation.isCommand, step.isCommand {
                    diagnostics.append(.error(
                        "query '\(operation.name)' runs the command '\(step.name)'; a query changes nothing, so it runs queries only",
                        at: item.location, notes: [.init("'\(step.name)' is declared here", at: step.location)]))
                }
                // A cycle is reported once, at the step of its first operation in spec order that closes it.
                if let path = Self.path(from: step.name, to: operation.name, in: operations),
                   path.allSatisfy({ order[$0, default: 0] >= order[operation.name, default: 0] })
                {
                    diagnostics.append(.error(
                        "\(owner) runs '\(step.name)', which runs it back ("
                            + ([operation.name] + path).joined(separator: " → ")
                            + "); operations that run each other never return",
                        at: item.location))
                }
            }
        }
        return diagnostics
    }

    /// The operations from `start` to `target` along `runs`, both included, or nil when `target` cannot be reached.
    static func path(from start: String, to target: String, in operations: [String: OperationSpec]) -> [String]? {
        var visited: Set<String> = [start]
        // Breadth first, so that the shortest path is the one a message shows.
        var queue: [[String]] = [[start]]
        var head = 0
        while head < queue.count {
            let path = queue[head]
            head += 1
            for next in operations[path[path.count - 1]]?.runNames ?? [] {
                if next == target { return path + [next] }
                if visited.insert(next).inserted { queue.append(path + [next]) }
            }
        }
        return nil
    }
}
