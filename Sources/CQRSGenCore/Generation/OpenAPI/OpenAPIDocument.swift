import CQRS

/// The OpenAPI 3.1 document of every route the spec binds: each operation's parameters and JSON body with their
/// types, its success response with the result's schema, every error it can answer with as a problem, its security
/// and its deprecation. The schemas are the declared types, under the names the routes read and write (`http.wireNames`),
/// so that a client generated from the document speaks what the server speaks.
///
/// What the adapter answers by itself is documented too: `400` for a request it cannot read, `401` and `403` for the
/// auth policy, `404` for a path that names nothing, `413` and `415` for the body, `429` for the rate limits, and a
/// `default` problem for the rest.
struct OpenAPIDocument {
    let context: GenerationContext

    /// Marks the document as generated, first, where a JSON file can say so: the output folder recognises its own.
    static let generatedKey = "x-generated-by"
    static let problemSchema = "Problem"
    static let bearerScheme = "bearerAuth"

    func json() -> JSONValue {
        var schemas = SchemaCollector(context: context)
        var paths: [(path: String, operations: [(String, JSONValue)])] = []
        var usesBearer = false
        for group in HTTPBindingSpec.routeGroups(of: context.index.operations) {
            // One operation per method and path: routes chosen by their parameters are described as one, after the
            // one that answers otherwise.
            let routes = group.filter { $0.http.when.isEmpty } + group.filter { !$0.http.when.isEmpty }
            let http = routes[0].http
            usesBearer = usesBearer || routes.contains { $0.http.auth.value.requiresCaller }
            let entry = (http.method.value.rawValue.lowercased(), self.operation(routes, &schemas))
            if let index = paths.firstIndex(where: { $0.path == http.path.value }) {
                paths[index].operations.append(entry)
            } else {
                paths.append((http.path.value, [entry]))
            }
        }
        var components: [(String, JSONValue)] = [("schemas", .object(schemas.components() + [(Self.problemSchema, Self.problem)]))]
        if usesBearer {
            components.append(("securitySchemes", .object([
                (Self.bearerScheme, .object([("type", .string("http")), ("scheme", .string("bearer"))])),
            ])))
        }
        return .object([
            (Self.generatedKey, .string("cqrs-gen from \(context.options.specPath). Do not edit: change the spec, then build.")),
            ("openapi", .string("3.1.0")),
            ("info", .object([("title", .string(context.options.apiInfo.title)), ("version", .string(context.options.apiInfo.version))])),
            ("paths", .object(paths.map { ($0.path, .object($0.operations)) })),
            ("components", .object(components)),
        ])
    }

    // MARK: - Operations

    /// The operation of one method and path: its route's, or, for routes chosen by their parameters, the one that
    /// answers otherwise, with the others' parameters, answers and errors beside its own.
    private func operation(_ routes: [(operation: OperationSpec, http: HTTPBindingSpec)], _ schemas: inout SchemaCollector) -> JSONValue {
        let (operation, http) = routes[0]
        let sources = http.sources(of: operation.fields)
        let wireNames = context.options.wireNames
        var members: [(String, JSONValue)] = [
            ("operationId", .string(operation.name)),
            ("summary", .string(operation.description)),
            ("tags", .array((http.tags.isEmpty ? [operation.category.value] : http.tags.map(\.value)).map(JSONValue.string))),
        ]
        var notes: [String] = []
        switch http.auth.value {
        case .role(let role): notes.append("Needs the role '\(role)'.")
        case .permission(let permission): notes.append("Needs the permission '\(permission)'.")
        case .anonymous, .authenticated: break
        }
        if let deprecation = http.deprecation {
            members.append(("deprecated", .bool(true)))
            if let replacement = deprecation.value?.value { notes.append("Deprecated: use \(replacement) instead.") }
        }
        if routes.count > 1 {
            // Which operation answers, by the parameters the request carries.
            let choices = routes.dropFirst().map { route -> String in
                let names = route.http.selectors(of: route.operation.fields, wireNames: wireNames).map { "`\($0.name)`" }
                // A route whose policy differs from the one that answers otherwise says so.
                let policy = route.http.auth.value == http.auth.value ? "" : " (" + Self.describe(route.http.auth.value) + ")"
                return "as `\(route.operation.name)`\(policy) when the request carries " + names.joined(separator: " or ")
            }
            notes.append("Answers " + (choices + ["as `\(operation.name)` otherwise"]).joined(separator: "; ") + ".")
        }
        if !notes.isEmpty { members.append(("description", .string(notes.joined(separator: " ")))) }
        // Every route's parameters, each once; beside other routes, only the path's are always required.
        var parameters: [JSONValue] = []
        var seen = Set<String>()
        for route in routes {
            for parameter in self.parameters(route.operation, route.http, alone: routes.count == 1, &schemas)
            where seen.insert(parameter.key).inserted {
                parameters.append(parameter.value)
            }
        }
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        let bodyFields = sources.filter { $0.source == .body }.map(\.field)
        if !bodyFields.isEmpty {
            let body = schemas.object(bodyFields, wireName: { http.wireName(of: $0, source: .body, wireNames: wireNames) })
            let required = bodyFields.contains { !Self.unwrapped($0.type.expression).isOptional && $0.defaultValue == nil }
            members.append(("requestBody", .object([
                ("required", .bool(required)),
                ("content", .object([("application/json", .object([("schema", body)]))])),
            ])))
        }
        let content = sources.first { $0.source == .content }?.field
        if let content {
            // The body as it came: bytes of any type, or text.
            let isOptional = Self.unwrapped(content.type.expression).isOptional
            let isText = HTTPBindingSpec.readsContentAsText(content.type.expression)
            let schema: JSONValue = .object([("type", .string("string"))] + (isText ? [] : [("format", .string("binary"))]))
            var body: [(String, JSONValue)] = [("required", .bool(!isOptional && content.defaultValue == nil))]
            if let description = content.description { body.insert(("description", .string(description)), at: 0) }
            body.append(("content", .object([(isText ? "text/plain" : "application/octet-stream", .object([("schema", schema)]))])))
            members.append(("requestBody", .object(body)))
        }
        members.append((
            "responses", responses(routes, readsBody: !bodyFields.isEmpty || content != nil, readsJSON: !bodyFields.isEmpty, &schemas)))
        // A bearer token, required when every route needs a caller; optional (`{}`) when some are public.
        let needCaller = routes.filter { $0.http.auth.value.requiresCaller }.count
        if needCaller > 0 {
            let bearer = JSONValue.object([(Self.bearerScheme, .array([]))])
            members.append(("security", .array(needCaller == routes.count ? [bearer] : [bearer, .object([])])))
        }
        return .object(members)
    }

    /// An auth policy in the words of a description.
    static func describe(_ policy: HTTPAuthPolicy) -> String {
        switch policy {
        case .anonymous: "public"
        case .authenticated: "needs an authenticated caller"
        case .role(let role): "needs the role '\(role)'"
        case .permission(let permission): "needs the permission '\(permission)'"
        }
    }

    /// The route's parameters on the path, in the query string and in headers, each by `in` and name; when the route
    /// shares its method and path (`alone` false), only a path parameter is required of every request.
    private func parameters(
        _ operation: OperationSpec, _ http: HTTPBindingSpec, alone: Bool, _ schemas: inout SchemaCollector
    ) -> [(key: String, value: JSONValue)] {
        http.sources(of: operation.fields).compactMap { field, source, _ -> (key: String, value: JSONValue)? in
            let location: String
            switch source {
            case .path: location = "path"
            case .query: location = "query"
            case .header: location = "header"
            case .body, .content, .caller, .client, .default, .value: return nil
            }
            let (type, isOptional) = Self.unwrapped(field.type.expression)
            let name = http.wireName(of: field.name, source: source, wireNames: context.options.wireNames)
            var parameter: [(String, JSONValue)] = [
                ("name", .string(name)),
                ("in", .string(location)),
                ("required", .bool(source == .path || (alone && !(isOptional || field.defaultValue != nil)))),
            ]
            if let description = field.description { parameter.append(("description", .string(description))) }
            var schema = type.map { schemas.schema(for: $0) } ?? .object([])
            if http.day(of: field.name) != nil {
                // A day alone, or a date and time, as the runtime reads it.
                schema = .object([("anyOf", .array([
                    .object([("type", .string("string")), ("format", .string("date"))]),
                    .object([("type", .string("string")), ("format", .string("date-time"))]),
                ]))])
            }
            schema = Self.adding(bounds(of: field.name, in: operation) + Self.keywords(field.constraints), to: schema)
            parameter.append(("schema", schema))
            return (location + " " + name, .object(parameter))
        }
    }

    /// Each route's success, by its status (several results at one status are one of them), and every code each
    /// status can carry, the routes' own and the adapter's.
    private func responses(
        _ routes: [(operation: OperationSpec, http: HTTPBindingSpec)], readsBody: Bool, readsJSON: Bool, _ schemas: inout SchemaCollector
    ) -> JSONValue {
        var successes: [(status: Int, schemas: [JSONValue])] = []
        for (operation, http) in routes {
            let status = http.successStatus(hasResult: operation.result != nil)
            var answer: [JSONValue] = []
            if let result = operation.result?.expression, status != 204, http.answersBody(hasResult: true) {
                var schema = schemas.schema(for: result)
                if let response = http.response, case .member(let member, let fixed) = response.value {
                    // The result under one member of an object, beside its fixed texts, as the adapter answers it.
                    let wire = context.options.wireNames
                    let name = wire.wireName(of: member.value)
                    let texts = fixed.map { (wire.wireName(of: $0.name.value), JSONValue.object([("type", .string("string")), ("const", .string($0.text.value))])) }
                    schema = .object([
                        ("type", .string("object")), ("required", .array(([name] + texts.map(\.0)).map(JSONValue.string))),
                        ("properties", .object([(name, schema)] + texts)), ("additionalProperties", .bool(false)),
                    ])
                }
                answer = [schema]
            }
            if let index = successes.firstIndex(where: { $0.status == status }) {
                successes[index].schemas += answer.filter { !successes[index].schemas.contains($0) }
            } else {
                successes.append((status, answer))
            }
        }
        var responses: [(status: Int, value: JSONValue)] = successes.map { status, answers in
            guard let first = answers.first else { return (status, .object([("description", .string("Success, with no body."))])) }
            let schema = answers.count == 1 ? first : .object([("oneOf", .array(answers))])
            return (status, .object([
                ("description", .string("Success.")),
                ("content", .object([("application/json", .object([("schema", schema)]))])),
            ]))
        }
        var codes: [Int: [String]] = [:]
        func add(_ status: Int, _ code: String) {
            if !codes[status, default: []].contains(code) { codes[status, default: []].append(code) }
        }
        for (operation, http) in routes {
            for error in http.errors { add(error.status.value, error.code.value) }
            // Only a route that reads something from the request can fail to read it.
            let sources = http.sources(of: operation.fields).map(\.source)
            if sources.contains(where: { ![.caller, .client, .default, .value].contains($0) }) { add(400, HTTPProblemCode.invalidRequest.rawValue) }
            if http.auth.value.requiresCaller { add(401, HTTPProblemCode.notAuthenticated.rawValue) }
            if case .role = http.auth.value { add(403, HTTPProblemCode.forbidden.rawValue) }
            if case .permission = http.auth.value { add(403, HTTPProblemCode.forbidden.rawValue) }
            if !http.pathParameters.isEmpty { add(404, HTTPProblemCode.notFound.rawValue) }
            if !http.rateLimits.isEmpty { add(429, HTTPProblemCode.rateLimited.rawValue) }
            if operation.fields.contains(where: { !$0.constraints.isEmpty }) { add(422, OperationError.invalidFieldsCode) }
        }
        if readsBody { add(413, HTTPProblemCode.contentTooLarge.rawValue) }
        if readsJSON { add(415, HTTPProblemCode.unsupportedMediaType.rawValue) }
        for (status, list) in codes.sorted(by: { $0.key < $1.key }) {
            var response: [(String, JSONValue)] = [
                ("description", .string("A problem: " + list.map { "`\($0)`" }.joined(separator: ", ") + ".")),
                ("content", Self.problemContent),
            ]
            if status == 429 {
                response.append(("headers", .object([("Retry-After", .object([
                    ("description", .string("The seconds to wait before trying again.")),
                    ("schema", .object([("type", .string("integer"))])),
                ]))])))
            }
            responses.append((status, .object(response)))
        }
        var members = responses.sorted { $0.status < $1.status }.map { (String($0.status), $0.value) }
        members.append(("default", .object([("description", .string("A problem.")), ("content", Self.problemContent)])))
        return .object(members)
    }

    // Built on each use, not kept in a static: LeakSanitizer cannot follow the enum's payload pointers from a global,
    // and would report the value as leaked.
    static var problemContent: JSONValue {
        .object([
            ("application/problem+json", .object([("schema", .object([("$ref", .string("#/components/schemas/\(problemSchema)"))]))])),
        ])
    }

    /// RFC 9457 problem details, as every adapter answers a failure.
    static var problem: JSONValue {
        .object([
            ("type", .string("object")),
            ("description", .string("An RFC 9457 problem: `code` is the stable error code clients match on.")),
            ("required", .array(["type", "title", "status", "detail", "code"].map(JSONValue.string))),
            ("properties", .object([
                ("type", .object([("type", .string("string"))])),
                ("title", .object([("type", .string("string"))])),
                ("status", .object([("type", .string("integer"))])),
                ("detail", .object([("type", .string("string"))])),
                ("code", .object([("type", .string("string"))])),
                ("instance", .object([("type", .string("string"))])),
                ("invalid-params", .object([
                    ("type", .string("array")),
                    ("items", .object([
                        ("type", .string("object")),
                        ("required", .array(["name", "in", "reason"].map(JSONValue.string))),
                        ("properties", .object([
                            ("name", .object([("type", .string("string"))])),
                            ("in", .object([("type", .string("string"))])),
                            ("reason", .object([("type", .string("string"))])),
                        ])),
                    ])),
                ])),
            ])),
        ])
    }

    /// The bounds the dispatcher holds a page request's fields to: a size or limit from 1 to the configuration's
    /// maximum, an offset from 0, a page number from 1.
    private func bounds(of field: String, in operation: OperationSpec) -> [(String, JSONValue)] {
        guard let pagination = operation.queryTraits?.pagination,
              let role = pagination.fields.first(where: { $0.field.value == field })?.role else { return [] }
        switch role {
        case .limit, .size: return [("minimum", .number(1)), ("maximum", .number(context.options.maximumPageSize))]
        case .offset: return [("minimum", .number(0))]
        case .page: return [("minimum", .number(1))]
        case .cursor: return []
        }
    }

    /// A field's constraints as JSON Schema keywords, which the dispatcher enforces.
    static func keywords(_ constraints: FieldConstraints) -> [(String, JSONValue)] {
        var keywords: [(String, JSONValue)] = []
        if let value = constraints.minLength { keywords.append(("minLength", .number(value.value))) }
        if let value = constraints.maxLength { keywords.append(("maxLength", .number(value.value))) }
        if let value = constraints.pattern { keywords.append(("pattern", .string(value.value))) }
        if let value = constraints.format { keywords.append(("format", .string(value.value.rawValue))) }
        if let value = constraints.minimum { keywords.append(("minimum", .literalNumber(value.value))) }
        if let value = constraints.maximum { keywords.append(("maximum", .literalNumber(value.value))) }
        if let value = constraints.minItems { keywords.append(("minItems", .number(value.value))) }
        if let value = constraints.maxItems { keywords.append(("maxItems", .number(value.value))) }
        return keywords
    }

    /// `schema` with `members` added, when it is an object.
    static func adding(_ members: [(String, JSONValue)], to schema: JSONValue) -> JSONValue {
        guard !members.isEmpty, case .object(let existing) = schema else { return schema }
        return .object(existing + members)
    }

    /// The type without its optional, and whether it had one.
    static func unwrapped(_ type: TypeExpression?) -> (type: TypeExpression?, isOptional: Bool) {
        if case .optional(let wrapped) = type { return (wrapped, true) }
        return (type, false)
    }
}
