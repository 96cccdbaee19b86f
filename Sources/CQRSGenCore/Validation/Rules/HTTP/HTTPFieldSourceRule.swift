import CQRS

/// Each field the spec binds explicitly exists, is bound once, and can be read from where it is bound: the path
/// gives only the fields its braces name, a GET or DELETE request has no body, and the path, the query string and
/// headers carry single values (text, numbers, booleans, identifiers, dates, enumerations), not structures or lists.
/// A value the route sets is one of the field's type; a day is read only into a date and time.
public struct HTTPFieldSourceRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        index.operations.flatMap { operation -> [Diagnostic] in
            guard let http = operation.http else { return [] }
            var diagnostics: [Diagnostic] = []
            let names = operation.fields.map(\.name)
            let what = "\(operation.roleName) '\(operation.name)'"
            for binding in http.fields {
                let name = binding.field.value
                guard names.contains(name) else {
                    diagnostics.append(.error(
                        "'fields' of the route of \(what) binds '\(name)', which is not one of its fields"
                            + Suggestion.didYouMean(name, among: names),
                        at: binding.field.location))
                    continue
                }
                if let first = http.fields.first(where: { $0.field.value == name }), first.field.location != binding.field.location {
                    diagnostics.append(.error(
                        "field '\(name)' of \(what) is bound twice", at: binding.field.location,
                        notes: [.init("first bound here", at: first.field.location)]))
                    continue
                }
                let inPath = http.pathParameters.first { $0.value == name }
                switch binding.source.value {
                case .path where inPath == nil:
                    diagnostics.append(.error(
                        "field '\(name)' of \(what) is bound to the path, but the route has no '{\(name)}'",
                        at: binding.source.location, notes: [.init("the route is here", at: http.path.location)]))
                case let source where source != .path && inPath != nil:
                    diagnostics.append(.error(
                        "field '\(name)' of \(what) is bound twice: by the path's '{\(name)}' and to the \(source.rawValue)",
                        at: binding.source.location, notes: [.init("the path binds it here", at: inPath!.location)]))
                case .body where !http.method.value.hasBody:
                    diagnostics.append(.error(
                        "field '\(name)' of \(what) is bound to the body, but a \(http.method.value.rawValue) request has none",
                        at: binding.source.location))
                case .default:
                    let field = operation.fields.first { $0.name == name }
                    let isOptional = if case .optional = field?.type.expression { true } else { false }
                    if let field, field.defaultValue == nil, !isOptional {
                        diagnostics.append(.error(
                            "field '\(name)' of \(what) is bound to 'default', but has none: give it a default, or read it from the request",
                            at: binding.source.location, notes: [.init("the field is declared here", at: field.type.location)]))
                    }
                case .value:
                    // The value is written into the generated code as a default is: it must be one of the field's type.
                    if let field = operation.fields.first(where: { $0.name == name }), let type = field.type.expression,
                       let value = binding.fixedValue, let problem = DefaultValueRule.problem(with: value, as: type, index) {
                        diagnostics.append(.error(
                            "the value the route of \(what) sets for field '\(name)' does not fit its type '\(type)': \(problem.message)",
                            at: problem.location))
                    }
                case .client:
                    if let field = operation.fields.first(where: { $0.name == name }),
                       !["String", "String?"].contains(field.type.expression?.description ?? "String") {
                        diagnostics.append(.error(
                            "field '\(name)' of \(what) is bound to the client's address, which is text: 'String' or 'String?', not '\(field.type.text)'",
                            at: field.type.location))
                    }
                default:
                    break
                }
                if let day = binding.day, let field = operation.fields.first(where: { $0.name == name }) {
                    let source = binding.source.value
                    if ![.path, .query, .header].contains(source) {
                        diagnostics.append(.error(
                            "'day' of field '\(name)' of \(what) reads a day written as text, but the field comes from the \(source.rawValue); "
                                + "a day is read from the path, the query string or a header",
                            at: day.location))
                    } else if !["Date", "Date?"].contains(field.type.expression?.description ?? "Date") {
                        diagnostics.append(.error(
                            "'day' of field '\(name)' of \(what) reads a day as a date and time: the field must be 'Date' or 'Date?', not '\(field.type.text)'",
                            at: day.location, notes: [.init("the field is declared here", at: field.type.location)]))
                    }
                }
            }
            // Whatever the source, explicit or default, a single-valued one needs a single value.
            for (field, source, binding) in http.sources(of: operation.fields) where [.path, .query, .header].contains(source) {
                guard let type = field.type.expression, !Self.isSingleValue(type, in: index, allowingOptional: source != .path) else { continue }
                let location = binding?.source.location ?? field.type.location
                let why = source == .path
                    ? "a path segment carries one value, and is always present"
                    : "the \(source.rawValue) carries single values"
                diagnostics.append(.error(
                    "field '\(field.name): \(field.type.text)' of \(what) cannot come from the \(source.rawValue): \(why)"
                        + (binding == nil && http.method.value.hasBody == false
                            ? "; a \(http.method.value.rawValue) request reads its fields from the query string" : ""),
                    at: location))
            }
            return diagnostics
        }
    }

    /// Text, a number, a boolean, an identifier, a date or URL, or an enumeration: what one string on the wire holds.
    static func isSingleValue(_ type: TypeExpression, in index: SpecIndex, allowingOptional: Bool) -> Bool {
        switch type {
        case .named(let name):
            if let literal = BuiltinTypes.all[name] { return literal != .data }
            return index.types[name].map { !$0.cases.isEmpty } ?? false
        case .optional(let wrapped):
            return allowingOptional && isSingleValue(wrapped, in: index, allowingOptional: false)
        case .generic, .array, .dictionary:
            return false
        }
    }
}
