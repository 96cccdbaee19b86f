import CQRS

/// `CQRSRoutes.swift`: the HTTP route of every operation the spec binds, as plain values (``HTTPRoute``) that any
/// server adapter can serve, and the table of them in spec order. Written for every spec, with an empty table when no
/// operation has `http`, because the build plugin declares every output before the generator runs.
struct RoutesFile: GeneratedFileRenderer {
    static let name = CQRSGenContract.routesFileName

    func render(_ context: GenerationContext, into writer: inout SwiftWriter) {
        context.header("the HTTP route of every operation the spec binds.", into: &writer)
        let routeType = "HTTPRoute<\(GeneratedNames.operationCategory)>"
        if context.rendersShared { table(context.index.operations.filter { $0.http != nil }, routeType, context, &writer) }
        for operation in context.renderedOperations {
            guard let http = operation.http else { continue }
            writer.blankLine()
            writer.line(context.provenance(http.location))
            writer.block("extension \(operation.name): HTTPRoutable") { writer in
                writer.line("/// `\(http.method.value.rawValue) \(http.path.value)`, as the spec binds it.")
                writer.line("\(context.access)static let httpRoute = \(routeType)(")
                let isShared = context.lookups.sharingARoute.contains(operation.name)
                let arguments = Self.arguments(operation, http, context, isShared: isShared)
                for (index, argument) in arguments.enumerated() {
                    let separator = index == arguments.count - 1 ? "" : ","
                    if argument.lines.isEmpty {
                        writer.line("    \(argument.head)" + separator)
                    } else {
                        writer.line("    \(argument.head)")
                        for line in argument.lines { writer.line("        \(line),") }
                        // A member's fixed texts close its call as well as their list.
                        writer.line("    " + argument.close + separator)
                    }
                }
                writer.line(")")
                decoding(operation, http, context, &writer)
            }
        }
    }

    /// The table of every route, what serves them, and their OpenAPI document: what the routes share.
    private func table(_ routed: [OperationSpec], _ routeType: String, _ context: GenerationContext, _ writer: inout SwiftWriter) {
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
        serving(routed, context, &writer)
        document(context, &writer)
    }

    /// The runner protocol an application implements, and the registration that hands a server adapter every route
    /// with the closure that runs its operation through it: typed, so that a route can only run its own operation.
    private func serving(_ routed: [OperationSpec], _ context: GenerationContext, _ writer: inout SwiftWriter) {
        let runner = GeneratedNames.operationRouteRunner
        let access = context.access
        writer.blankLine()
        writer.line("// MARK: - Serving")
        writer.blankLine()
        writer.line("/// How an application runs the operations of one request for its routes: typically its dispatcher, with the")
        writer.line("/// request's handler factory and unit of work, found from the server's request context. Name the context with")
        writer.line("/// `typealias RequestContext = …`: Swift cannot infer it from the generic methods.")
        writer.block("\(access)protocol \(runner)<RequestContext>: Sendable") { writer in
            writer.line("associatedtype RequestContext")
            writer.blankLine()
            writer.line("/// Runs one request's command.")
            writer.line("func run<C: \(GeneratedNames.dispatchableCommand)>(_ command: C, in context: RequestContext) async -> Result<C.Output, OperationError>")
            writer.blankLine()
            writer.line("/// Runs one request's query.")
            writer.line("func run<Q: \(GeneratedNames.dispatchableQuery)>(_ query: Q, in context: RequestContext) async -> Result<Q.Output, OperationError>")
        }
        writer.blankLine()
        writer.block("extension \(GeneratedNames.operationRoutes)") { writer in
            writer.line("/// Hands `registrar` every route, in spec order, each running its operation through `runner`.")
            writer.line("\(access)static func register<Registrar: HTTPRouteRegistrar, Runner: \(runner)>(")
            writer.line("    with registrar: Registrar, runner: Runner")
            writer.block(") where Registrar.Category == \(GeneratedNames.operationCategory), Registrar.RequestContext == Runner.RequestContext") { writer in
                for operation in routed {
                    writer.line("registrar.register(\(operation.name).self) { await runner.run($0, in: $1) }")
                }
            }
        }
    }

    /// The OpenAPI document, as text in a raw string literal whose delimiter no run of `#` in the text can close.
    private func document(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        let text = OpenAPIDocument(context: context).json().text()
        var longest = 0, run = 0
        for character in text.utf8 {
            run = character == UInt8(ascii: "#") ? run + 1 : 0
            longest = max(longest, run)
        }
        let hashes = String(repeating: "#", count: longest + 1)
        writer.blankLine()
        writer.line("// MARK: - OpenAPI document")
        writer.blankLine()
        writer.block("extension \(GeneratedNames.operationRoutes)") { writer in
            writer.line("/// The OpenAPI 3.1 document of these routes, as `\(CQRSGenContract.openAPIFileName)` in the committed copy: what a")
            writer.line("/// server publishes.")
            writer.line("\(context.access)static let openAPIDocument = \(hashes)\"\"\"")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                writer.line(String(line))
            }
            writer.line("\"\"\"\(hashes)")
        }
    }

    /// `init(httpRequest:)`: each field from where the route binds it, parsed from its text or decoded from the body,
    /// every missing or unreadable field named in one error; and the body's members, under their names on the wire.
    private func decoding(_ operation: OperationSpec, _ http: HTTPBindingSpec, _ context: GenerationContext, _ writer: inout SwiftWriter) {
        let sources = http.sources(of: operation.fields)
        let bodyFields = sources.filter { $0.source == .body }
        writer.blankLine()
        writer.line("/// Builds the \(operation.roleName) from one request, each field from where its route binds it; every missing or")
        writer.line("/// unreadable field is named in the error.")
        writer.block("\(context.access)init(httpRequest request: some HTTPRequestValues) throws(HTTPBindingError)") { writer in
            guard !sources.isEmpty else {
                writer.line("self.init()")
                return
            }
            // A field the route sets, or that keeps its default, is not read from the request.
            let readsRequest = sources.contains { $0.source != .default && $0.source != .value }
            if readsRequest {
                writer.line("var reader = HTTPFieldReader(route: Self.httpRoute)")
            }
            for (index, (field, source, binding)) in sources.enumerated() where ![.body, .default, .value].contains(source) {
                guard let type = field.type.expression else { continue }
                if source == .content {
                    // The body as it came: its bytes, or its text when the field is text.
                    let isText = HTTPBindingSpec.readsContentAsText(type)
                    let expected = SwiftLiteral.string(isText ? "UTF-8 text" : "bytes")
                    let parse = isText ? "String(data: $0, encoding: .utf8)" : "$0"
                    writer.line("let _\(field.name) = reader.content(\(index), in: request, expected: \(expected)) { \(parse) }")
                    continue
                }
                let (expected, parse) = Self.textParser(type, context, day: binding?.day?.value)
                // An enumeration's cases are spelt from it when a value fails, not pasted into the code.
                var expectedExpression = SwiftLiteral.string(expected)
                var named = type
                if case .optional(let wrapped) = type { named = wrapped }
                if case .named(let name) = named, let enumeration = context.index.types[name], !enumeration.cases.isEmpty {
                    expectedExpression = "HTTPParameter.oneOf(\(name).self)"
                }
                let head = "let _\(field.name) = reader.value(\(index), in: request, expected: \(expectedExpression))"
                if head.count + parse.count + 13 <= 120 {
                    writer.line("\(head) { \(parse) }")
                } else {
                    writer.block(head) { $0.line(parse) }
                }
            }
            if !bodyFields.isEmpty {
                writer.line("let _body = reader.body(_HTTPBody.self, in: request)")
            }
            if readsRequest {
                writer.line("try reader.finish()")
            }
            let arguments = sources.map { field, source, binding -> String in
                let value = source == .body ? "_body?.\(SwiftName.escaped(field.name))" : "_\(field.name)"
                let isOptional = if case .optional = field.type.expression { true } else { false }
                let expression: String
                if source == .value, let fixed = binding?.fixedValue, let type = field.type.expression {
                    // Nothing is read: the value the route sets, checked as a default is.
                    expression = DefaultValueExpression.render(fixed, as: type, types: context.index.types)
                } else if source == .default {
                    // Nothing is read: the field's default, which validation requires.
                    expression = field.defaultValue.flatMap { defaultValue in
                        field.type.expression.map { DefaultValueExpression.render(defaultValue, as: $0, types: context.index.types) }
                    } ?? "nil"
                } else if isOptional {
                    expression = source == .body ? "\(value) ?? nil" : value
                } else if let defaultValue = field.defaultValue, let type = field.type.expression {
                    expression = "\(value) ?? " + DefaultValueExpression.render(defaultValue, as: type, types: context.index.types)
                } else {
                    expression = source == .body ? "_body!.\(SwiftName.escaped(field.name))" : "\(value)!"
                }
                // An argument label needs backticks only for these three keywords.
                let label = ["inout", "var", "let"].contains(field.name) ? "`\(field.name)`" : field.name
                return "\(label): \(expression)"
            }
            // Eight columns of indentation before it: wrapped when the call would pass 120.
            let call = "self.init(\(arguments.joined(separator: ", ")))"
            if call.count + 8 <= 120 {
                writer.line(call)
            } else {
                writer.line("self.init(")
                var line = ""
                for (index, argument) in arguments.enumerated() {
                    let item = argument + (index == arguments.count - 1 ? "" : ",")
                    if !line.isEmpty, line.count + 1 + item.count + 12 > 120 {
                        writer.line("    " + line)
                        line = item
                    } else {
                        line = line.isEmpty ? item : line + " " + item
                    }
                }
                writer.line("    " + line)
                writer.line(")")
            }
        }
        rateLimitKey(operation, http, &writer, context)
        guard !bodyFields.isEmpty else { return }
        writer.blankLine()
        writer.line("/// The members of the JSON body this \(operation.roleName) reads, under their names on the wire.")
        // Each member decoded on its own, so that every missing or unreadable one is named, not only the first.
        let members = bodyFields.map { field, _, _ -> (name: String, local: String, type: String, isRequired: Bool) in
            let name = SwiftName.escaped(field.name)
            if case .optional(let wrapped) = field.type.expression { return (name, "_" + field.name, wrapped.description, false) }
            return (name, "_" + field.name, context.swiftType(field.type), field.defaultValue == nil)
        }
        writer.block("struct _HTTPBody: Decodable") { writer in
            for member in members {
                writer.line("var \(member.name): \(member.type)\(member.isRequired ? "" : "?")")
            }
            writer.blankLine()
            writer.block("enum CodingKeys: String, CodingKey") { writer in
                for (field, _, _) in bodyFields {
                    let wire = http.wireName(of: field.name, source: .body, wireNames: context.options.wireNames)
                    let name = SwiftName.escaped(field.name)
                    writer.line(wire == field.name ? "case \(name)" : "case \(name) = \(SwiftLiteral.string(wire))")
                }
            }
            writer.blankLine()
            writer.block("init(from decoder: any Decoder) throws") { writer in
                writer.line("var members = try HTTPBodyMembers(decoder, keys: CodingKeys.self)")
                for member in members {
                    let call = "members.\(member.isRequired ? "required" : "optional")(\(member.type).self, .\(member.name))"
                    writer.line(member.isRequired ? "let \(member.local) = \(call)" : "self.\(member.name) = \(call)")
                }
                writer.line("try members.finish()")
                // `finish` has thrown unless every required member was read.
                for member in members where member.isRequired {
                    writer.line("self.\(member.name) = \(member.local)!")
                }
            }
        }
    }

    /// `httpRateLimitKey(_:)`, for a route with a limit counted by a field: the field's value as text.
    private func rateLimitKey(_ operation: OperationSpec, _ http: HTTPBindingSpec, _ writer: inout SwiftWriter, _ context: GenerationContext) {
        var seen = Set<String>()
        let keyed = http.rateLimits.compactMap { limit -> FieldSpec? in
            guard case .field(let name) = limit.value.key, seen.insert(name).inserted else { return nil }
            return operation.fields.first { $0.name == name }
        }
        guard !keyed.isEmpty else { return }
        writer.blankLine()
        writer.line("/// The value of a field a rate limit of the route counts by.")
        writer.block("\(context.access)func httpRateLimitKey(_ field: String) -> String?") { writer in
            // Cases at the switch's own indentation, as Swift is written.
            writer.line("switch field {")
            do {
                for field in keyed {
                    let name = "self.\(SwiftName.escaped(field.name))"
                    let isOptional = if case .optional = field.type.expression { true } else { false }
                    let text = if field.type.expression?.description == "String" {
                        name
                    } else if isOptional {
                        "\(name).map { \"\\($0)\" }"
                    } else {
                        "\"\\(\(name))\""
                    }
                    writer.line("case \(SwiftLiteral.string(field.name)): return \(text)")
                }
                writer.line("default: return nil")
            }
            writer.line("}")
        }
    }

    /// What a value of `type` looks like, for an error, and a closure body that reads one from its text (`$0`).
    static func textParser(
        _ type: TypeExpression, _ context: GenerationContext, day: HTTPParameter.DayBoundary? = nil
    ) -> (expected: String, parse: String) {
        switch type {
        case .optional(let wrapped):
            return textParser(wrapped, context, day: day)
        case .named(let name):
            if let enumeration = context.index.types[name], !enumeration.cases.isEmpty {
                let cases = enumeration.cases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                let parse = enumeration.rawType == .int ? "Int($0).flatMap(\(name).init(rawValue:))" : "\(name)(rawValue: $0)"
                return ("one of \(cases)", parse)
            }
            switch BuiltinTypes.all[name] {
            case .string: return ("text", "$0")
            case .character: return ("one character", "$0.count == 1 ? $0.first : nil")
            case .bool: return ("true or false", "Bool($0)")
            case .integer, .unsignedInteger: return ("a whole number (\(name))", "\(name)($0)")
            case .floatingPoint where name == "Decimal": return ("a number", "Decimal(string: $0)")
            case .floatingPoint: return ("a number", "\(name)($0)")
            case .uuid: return ("a UUID", "UUID(uuidString: $0)")
            case .date:
                // The runtime reads it, and says what it reads, so that the route and its error agree.
                return (HTTPParameter.describeDate(day: day), day.map { "HTTPParameter.date($0, day: .\($0.rawValue))" } ?? "HTTPParameter.date($0)")
            case .url: return ("a URL", "URL(string: $0)")
            case .data, nil: return (name, "nil")
            }
        case .generic, .array, .dictionary:
            return (type.description, "nil")
        }
    }

    /// The route's initialiser arguments, in its order: each on one line, or a list's head and its items' lines.
    static func arguments(
        _ operation: OperationSpec, _ http: HTTPBindingSpec, _ context: GenerationContext, isShared: Bool = false
    ) -> [Argument] {
        let method = http.method.value
        let status = http.successStatus(hasResult: operation.result != nil)
        let parameters = http.sources(of: operation.fields).map { field, source, _ in
            let wire = http.wireName(of: field.name, source: source, wireNames: context.options.wireNames)
            let sourceValue: String
            switch source {
            case .path: sourceValue = ".path(\(SwiftLiteral.string(field.name)))"
            case .query: sourceValue = ".query(\(SwiftLiteral.string(wire)))"
            case .header: sourceValue = ".header(\(SwiftLiteral.string(wire)))"
            case .body: sourceValue = ".body(\(SwiftLiteral.string(wire)))"
            case .content: sourceValue = ".content"
            case .caller: sourceValue = http.callerClaim(of: field.name).map { ".callerClaim(\(SwiftLiteral.string($0)))" } ?? ".caller"
            case .client: sourceValue = ".clientAddress"
            case .default: sourceValue = ".defaultValue"
            case .value: sourceValue = ".fixedValue"
            }
            let isOptional = if case .optional = field.type.expression { true } else { false }
            let required = switch source {
            case .path: true
            case .caller: http.callerClaim(of: field.name) == nil || !(isOptional || field.defaultValue != nil)
            case .default, .value: false
            case .query, .header, .body, .content, .client: !(isOptional || field.defaultValue != nil)
            }
            return "HTTPParameter(field: \(SwiftLiteral.string(field.name)), source: \(sourceValue), isRequired: \(required))"
        }
        let auth: String
        switch http.auth.value {
        case .anonymous: auth = ".anonymous"
        case .authenticated: auth = ".authenticated"
        case .role(let role): auth = ".role(\(SwiftLiteral.string(role)))"
        case .permission(let permission): auth = ".permission(\(SwiftLiteral.string(permission)))"
        }
        let rateLimits = http.rateLimits.map { limit -> String in
            let key = switch limit.value.key {
            case .address: ".address"
            case .caller: ".caller"
            case .field(let name): ".field(\(SwiftLiteral.string(name)))"
            }
            return "HTTPRateLimit(requests: \(limit.value.requests), period: .\(limit.value.period.rawValue), key: \(key))"
        }
        let deprecation = http.deprecation.map { "HTTPDeprecation(replacement: \($0.value.map { SwiftLiteral.string($0.value) } ?? "nil"))" } ?? "nil"
        let tags = http.tags.isEmpty ? [operation.category.value] : http.tags.map(\.value)
        let errorItems = http.errors.map { "\(SwiftLiteral.string($0.code.value)): \($0.status.value)" }
        let errors = errorItems.isEmpty ? "[:]" : "[" + errorItems.joined(separator: ", ") + "]"
        let plain = [
            "operation: \(SwiftLiteral.string(operation.name))",
            "kind: .\(operation.isCommand ? "command" : "query")",
            "category: .\(SwiftName.categoryCase(operation.category.value))",
            "method: .\(String(describing: method).lowercased())",
            "path: \(SwiftLiteral.string(http.path.value))",
            "successStatus: \(status)",
        ].map { Argument(head: $0) }
        // The errors on one line when it fits in 120 columns (eight of indentation), else one per line.
        let errorsArgument = "errors: \(errors),".count + 8 <= 120
            ? Argument(head: "errors: \(errors)")
            : Argument(head: "errors: [", lines: errorItems)
        let policies = [errorsArgument, Argument(head: "auth: \(auth)")]
        let rest = [
            "isIdempotent: \(http.isIdempotent)",
            "deprecation: \(deprecation)",
            "tags: \(SwiftLiteral.stringArray(tags))",
            "summary: \(SwiftLiteral.string(operation.description))",
        ].map { Argument(head: $0) }
        var body = Self.successBody(http, context).map { [Argument(head: "successBody: \($0)")] } ?? []
        // A body too long for one line (eight columns of indentation) lists its fixed texts one per line.
        if let argument = body.first, argument.head.count + 8 > 120, let response = http.response,
           case .member(let member, let fixed) = response.value {
            let wire = context.options.wireNames
            body = [Argument(
                head: "successBody: .member(\(SwiftLiteral.string(wire.wireName(of: member.value))), with: [",
                lines: fixed.map { ".init(name: \(SwiftLiteral.string(wire.wireName(of: $0.name.value))), text: \(SwiftLiteral.string($0.text.value)))" },
                // The fixed texts close the member's call as well as their list.
                close: "])")]
        }
        // Written as the spec's unit would be read: `5 * 1024 * 1024`.
        let limit = http.bodyLimit.map { [Argument(head: "maximumBodySize: \(Self.size($0.value))")] } ?? []
        var selection: [Argument] = []
        if isShared {
            // By where each field that chooses the route is on the wire, as the request carries it.
            let sources = http.selectors(of: operation.fields, wireNames: context.options.wireNames).map { source, name in
                source == .header ? ".header(\(SwiftLiteral.string(name)))" : ".query(\(SwiftLiteral.string(name)))"
            }
            selection = [Argument(head: sources.isEmpty ? "selection: .otherwise" : "selection: .when([\(sources.joined(separator: ", "))])")]
        }
        return plain + [list("parameters", parameters)] + policies + [list("rateLimits", rateLimits)] + rest + body + limit + selection
    }

    /// A size in bytes as Swift, in the largest unit it is a whole multiple of: `5 * 1024 * 1024`, `1500`.
    static func size(_ bytes: Int) -> String {
        var factors: [String] = []
        var remainder = bytes
        while remainder >= 1024, remainder % 1024 == 0, factors.count < 3 {
            remainder /= 1024
            factors.append("1024")
        }
        return ([String(remainder)] + factors).joined(separator: " * ")
    }

    /// The route's `successBody` argument, or nil for the default: the result itself.
    static func successBody(_ http: HTTPBindingSpec, _ context: GenerationContext) -> String? {
        guard let response = http.response?.value else { return nil }
        switch response {
        case .result: return nil
        case .empty: return ".empty"
        case .member(let member, let fixed):
            let name = SwiftLiteral.string(context.options.wireNames.wireName(of: member.value))
            guard !fixed.isEmpty else { return ".member(\(name))" }
            let members = fixed.map {
                ".init(name: \(SwiftLiteral.string(context.options.wireNames.wireName(of: $0.name.value))), text: \(SwiftLiteral.string($0.text.value)))"
            }
            return ".member(\(name), with: [\(members.joined(separator: ", "))])"
        }
    }

    /// A list argument: empty on one line, else its head and one line per item.
    private static func list(_ label: String, _ items: [String]) -> Argument {
        items.isEmpty ? Argument(head: "\(label): []") : Argument(head: "\(label): [", lines: items)
    }

    /// One argument of a route's initialiser: on one line, or a list's head, one line per item, and what closes it.
    struct Argument {
        var head: String
        var lines: [String] = []
        var close = "]"
    }
}
