import CQRS

/// `CQRSRoutes.swift`: the HTTP route of every operation the spec binds, as plain values (``HTTPRoute``) that any
/// server adapter can serve, and the table of them in spec order. Written for every spec, with an empty table when no
/// operation has `http`, because the build plugin declares every output before the generator runs.
struct RoutesFile: GeneratedFileRenderer {
    static let name = CQRSGenContract.routesFileName

    func render(_ context: GenerationContext, into writer: inout SwiftWriter) {
        context.header("the HTTP route of every operation the spec binds.", into: &writer)
        let routed = context.index.operations.filter { $0.http != nil }
        let routeType = "HTTPRoute<\(GeneratedNames.operationCategory)>"
        writer.blankLine()
        writer.line("// MARK: - Route table")
        writer.blankLine()
        writer.line("/// Every operation the spec binds to an HTTP route, in spec order: what a server adapter serves.")
        writer.block("\(context.access)enum \(GeneratedNames.operationRoutes)") { writer in
            if routed.isEmpty {
                writer.line("\(context.access)static let all: [\(routeType)] = []")
            } else {
                writer.line("\(context.access)static let all: [\(routeType)] = [")
                for operation in routed { writer.line("    \(operation.name).httpRoute,") }
                writer.line("]")
            }
        }
        for operation in routed {
            guard let http = operation.http else { continue }
            writer.blankLine()
            writer.line(context.provenance(http.location))
            writer.block("extension \(operation.name): HTTPRoutable") { writer in
                writer.line("/// `\(http.method.value.rawValue) \(http.path.value)`, as the spec binds it.")
                writer.line("\(context.access)static let httpRoute = \(routeType)(")
                let arguments = Self.arguments(operation, http, context)
                for (index, argument) in arguments.enumerated() {
                    let separator = index == arguments.count - 1 ? "" : ","
                    if argument.lines.isEmpty {
                        writer.line("    \(argument.head)" + separator)
                    } else {
                        writer.line("    \(argument.head)")
                        for line in argument.lines { writer.line("        \(line),") }
                        writer.line("    ]" + separator)
                    }
                }
                writer.line(")")
            }
        }
    }

    /// The route's initialiser arguments, in its order: each on one line, or a list's head and its items' lines.
    static func arguments(
        _ operation: OperationSpec, _ http: HTTPBindingSpec, _ context: GenerationContext
    ) -> [(head: String, lines: [String])] {
        let method = http.method.value
        let status = http.status?.value ?? (operation.result == nil ? 204 : method == .post ? 201 : 200)
        let parameters = http.sources(of: operation.fields).map { field, source, binding in
            let wire = binding?.wireName?.value ?? context.options.wireNames.wireName(of: field.name)
            let sourceValue: String
            switch source {
            case .path: sourceValue = ".path(\(SwiftLiteral.string(field.name)))"
            case .query: sourceValue = ".query(\(SwiftLiteral.string(wire)))"
            case .header: sourceValue = ".header(\(SwiftLiteral.string(binding?.wireName?.value ?? field.name)))"
            case .body: sourceValue = ".body(\(SwiftLiteral.string(wire)))"
            case .caller: sourceValue = ".caller"
            }
            let isOptional = if case .optional = field.type.expression { true } else { false }
            let required = source == .path || source == .caller || !(isOptional || field.defaultValue != nil)
            return "HTTPParameter(field: \(SwiftLiteral.string(field.name)), source: \(sourceValue), isRequired: \(required))"
        }
        let auth: String
        switch http.auth.value {
        case .anonymous: auth = ".anonymous"
        case .authenticated: auth = ".authenticated"
        case .role(let role): auth = ".role(\(SwiftLiteral.string(role)))"
        case .permission(let permission): auth = ".permission(\(SwiftLiteral.string(permission)))"
        }
        let rateLimit = http.rateLimit.map {
            "HTTPRateLimit(requests: \($0.value.requests), period: .\($0.value.period.rawValue), key: .\($0.value.key.rawValue))"
        } ?? "nil"
        let deprecation = http.deprecation.map { "HTTPDeprecation(replacement: \($0.value.map { SwiftLiteral.string($0.value) } ?? "nil"))" } ?? "nil"
        let tags = http.tags.isEmpty ? [operation.category.value] : http.tags.map(\.value)
        let errors = http.errors.isEmpty
            ? "[:]"
            : "[" + http.errors.map { "\(SwiftLiteral.string($0.code.value)): \($0.status.value)" }.joined(separator: ", ") + "]"
        let plain = [
            "operation: \(SwiftLiteral.string(operation.name))",
            "kind: .\(operation.isCommand ? "command" : "query")",
            "category: .\(SwiftName.categoryCase(operation.category.value))",
            "method: .\(String(describing: method).lowercased())",
            "path: \(SwiftLiteral.string(http.path.value))",
            "successStatus: \(status)",
        ].map { (head: $0, lines: [String]()) }
        let rest = [
            "errors: \(errors)",
            "auth: \(auth)",
            "rateLimit: \(rateLimit)",
            "isIdempotent: \(http.idempotent?.value ?? [.get, .put, .delete].contains(method))",
            "deprecation: \(deprecation)",
            "tags: \(SwiftLiteral.stringArray(tags))",
            "summary: \(SwiftLiteral.string(operation.description))",
        ].map { (head: $0, lines: [String]()) }
        return plain + [parameters.isEmpty ? (head: "parameters: []", lines: []) : (head: "parameters: [", lines: parameters)] + rest
    }
}
