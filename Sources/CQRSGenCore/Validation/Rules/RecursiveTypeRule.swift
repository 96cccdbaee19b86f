/// A struct cannot store itself, directly or through other structs, even as an optional: it would have infinite
/// size and not compile. Arrays and dictionaries store their elements out of line, so they break such a cycle.
public struct RecursiveTypeRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        // For each struct, the structs it stores inline, with the field that stores each.
        var edges: [String: [(field: String, type: String)]] = [:]
        for type in spec.types {
            edges[type.name] = type.fields.flatMap { field in
                Self.inlineNames(field.type.expression, index).filter { index.types[$0]?.isStructure == true }
                    .map { (field.name, $0) }
            }
        }
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        for type in spec.types where !reported.contains(type.name) {
            guard let path = cycle(from: type.name, edges: edges) else { continue }
            reported.formUnion(path.map(\.owner))
            let route = path.map { "\($0.owner).\($0.field)" }.joined(separator: " → ")
            diagnostics.append(.error(
                "type '\(type.name)' contains itself (\(route)); a struct cannot store itself, even as an optional: use an array or break the cycle",
                at: type.location))
        }
        return diagnostics
    }

    /// The names of types a field stores inline: through optionals, but not inside arrays or dictionaries; and the
    /// arguments of a generic type that stores the matching parameter inline (`Box<Item>` holding `let item: Item`).
    static func inlineNames(_ expression: TypeExpression?, _ index: SpecIndex) -> [String] {
        switch expression {
        case .named(let name): return [name]
        case .generic(let name, let arguments):
            guard let generic = index.types[name] else { return [name] }
            let inlineParameters = Set(generic.fields.flatMap { inlineNames($0.type.expression, index) })
            return [name] + zip(generic.parameters, arguments).flatMap { parameter, argument in
                inlineParameters.contains(parameter.value) ? inlineNames(argument, index) : []
            }
        case .optional(let wrapped): return inlineNames(wrapped, index)
        case .array, .dictionary, nil: return []
        }
    }

    /// A path of fields from `start` back to `start`, if there is one; depth-first, iteratively.
    private func cycle(from start: String, edges: [String: [(field: String, type: String)]]) -> [(owner: String, field: String)]? {
        var visited: Set<String> = [start]
        var stack: [(type: String, next: Int, path: [(owner: String, field: String)])] = [(start, 0, [])]
        while let top = stack.last {
            let outgoing = edges[top.type] ?? []
            guard top.next < outgoing.count else {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            let edge = outgoing[top.next]
            let path = top.path + [(top.type, edge.field)]
            if edge.type == start { return path }
            if visited.insert(edge.type).inserted {
                stack.append((edge.type, 0, path))
            }
        }
        return nil
    }
}
