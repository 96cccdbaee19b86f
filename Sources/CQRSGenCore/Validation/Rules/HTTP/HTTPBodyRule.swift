import CQRS

/// A route reads its body one way: as JSON members, or whole, into one field (`content`) of bytes or text, as a file
/// is sent. A whole body needs a method that carries one, and leaves no member to read, so every other field of the
/// route must come from somewhere else. A `bodyLimit` needs a body to limit.
public struct HTTPBodyRule: ValidationRule {
    public init() {}

    /// The types a whole body is read into.
    static let contentTypes = ["Data", "Data?", "String", "String?"]

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        index.operations.flatMap { operation -> [Diagnostic] in
            guard let http = operation.http else { return [] }
            var diagnostics: [Diagnostic] = []
            let what = "\(operation.roleName) '\(operation.name)'"
            let sources = http.sources(of: operation.fields)
            let content = sources.filter { $0.source == .content }
            if let first = content.first, let binding = first.binding {
                if !http.method.value.hasBody {
                    diagnostics.append(.error(
                        "field '\(first.field.name)' of \(what) is the whole body, but a \(http.method.value.rawValue) request has none",
                        at: binding.source.location))
                }
                for (field, _, binding) in content {
                    if !Self.contentTypes.contains(field.type.expression?.description ?? "Data") {
                        diagnostics.append(.error(
                            "field '\(field.name)' of \(what) is the whole body, which is read as bytes or text: "
                                + "'Data' or 'String', not '\(field.type.text)'",
                            at: field.type.location))
                    }
                    if let binding, field.name != first.field.name {
                        diagnostics.append(.error(
                            "field '\(field.name)' of \(what) is bound to the whole body, which field '\(first.field.name)' already is",
                            at: binding.source.location, notes: [.init("bound here", at: first.binding!.source.location)]))
                    }
                }
                for (field, _, member) in sources where member == nil && field.name != first.field.name
                    && http.defaultSource(for: field.name) == .body
                {
                    diagnostics.append(.error(
                        "field '\(field.name)' of \(what) would be a member of a JSON body, but the body is field '\(first.field.name)'; "
                            + "bind '\(field.name)' to the query string, a header or the path",
                        at: field.type.location, notes: [.init("the body is bound here", at: binding.source.location)]))
                }
                for (field, _, member) in sources where member?.source.value == .body {
                    diagnostics.append(.error(
                        "field '\(field.name)' of \(what) is a member of a JSON body, but the body is field '\(first.field.name)'",
                        at: member!.source.location, notes: [.init("the body is bound here", at: binding.source.location)]))
                }
            }
            if let limit = http.bodyLimit, !sources.contains(where: { $0.source == .body || $0.source == .content }) {
                diagnostics.append(.error(
                    "the route of \(what) has a 'bodyLimit', but reads nothing from the body", at: limit.location))
            }
            return diagnostics
        }
    }
}
