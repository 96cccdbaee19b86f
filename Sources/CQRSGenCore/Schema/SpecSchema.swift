import CQRS

/// The JSON Schema of the spec language, for editors: with a YAML language server, `spec/operations.yaml` is checked
/// as it is typed, keys are completed and each key's meaning shows on hover.
///
/// It is built from the decoder's own tables (the keys each mapping allows, the cache policies, the dependency kinds
/// and scopes, the pagination styles), so it cannot allow a key the decoder refuses or miss one it reads. The
/// schema checks shapes; what needs the whole spec (references, duplicates, defaults against their types) stays the
/// validator's, which reports it with a position. `cqrs-gen schema` prints it; the committed copy beside the spec is
/// checked by a test.
public enum SpecSchema {
    public static let fileName = "operations.schema.json"

    /// The schema's text, the same bytes every time.
    public static func json() -> String {
        schema.text() + "\n"
    }

    static let upperCamelCase = "^[A-Z][A-Za-z0-9]*$"
    static let lowerCamelCase = "^[a-z][A-Za-z0-9]*$"
    static let snakeCase = "^[a-z][a-z0-9]*(_[a-z0-9]+)*$"

    static var schema: JSONValue {
        .object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("$id", .string("https://cqrs-gen.dev/schemas/\(fileName)")),
            ("title", .string("cqrs-gen spec")),
            ("description", .string("Every command and query of an application, with its metadata, handler and dependencies; cqrs-gen generates the Swift from it.")),
            ("type", .string("object")),
            ("required", .array([.string("version")])),
            ("additionalProperties", .bool(false)),
            ("properties", object(SpecDecoder.topLevelKeys, [
                "version": .object([("description", .string("The spec language's version: 1.")), ("const", .number(1))]),
                "categories": .object([
                    ("description", .string("The categories operations belong to: a lower snake_case name and what it groups.")),
                    ("type", .string("object")),
                    ("propertyNames", pattern(snakeCase)),
                    ("additionalProperties", .object([("type", .string("string"))])),
                ]),
                "dependencies": .object([
                    ("description", .string("What handlers take: request dependencies are built per request on its database session, app dependencies are singletons.")),
                    ("type", .string("object")),
                    ("additionalProperties", .bool(false)),
                    ("properties", object(DependencySpec.Scope.allCases.map(\.rawValue), Dictionary(uniqueKeysWithValues: DependencySpec.Scope.allCases.map {
                        ($0.rawValue, reference("dependencies"))
                    }))),
                ]),
                "types": named(upperCamelCase, "The declared types: a struct (fields) or an enumeration (cases), by UpperCamelCase name.", reference("type")),
                "commands": named(upperCamelCase, "The commands, by UpperCamelCase name, in the order the registry lists them.", reference("command")),
                "queries": named(upperCamelCase, "The queries, by UpperCamelCase name, in the order the registry lists them.", reference("query")),
                "events": named(
                    upperCamelCase,
                    "The domain events, by UpperCamelCase name: one event, or a three-phase entry whose attempted, succeeded and failed keys each declare one (UserRegistrationAttempted, …).",
                    reference("event")),
                "errors": .object([
                    ("description", .string("The failure codes handlers answer with, in snake_case, and what each means: declared, they are a Swift type, and every code a route maps to a status must be one of them.")),
                    ("type", .string("object")),
                    ("propertyNames", pattern(snakeCase)),
                    ("additionalProperties", .object([("type", .string("string"))])),
                ]),
            ])),
            ("definitions", .object([
                ("event", .object([("oneOf", .array([
                    .object([("type", .string("null")), ("description", .string("An operational event with no payload."))]),
                    .object([
                        ("type", .string("object")), ("additionalProperties", .bool(false)),
                        ("properties", object(EventDecoding.singleEventKeys, eventKeys(phase: true))),
                        ("not", .object([("anyOf", .array(EventDecoding.workflowPhases.map { .object([("required", .array([.string($0.rawValue)]))]) }))])),
                    ]),
                    .object([
                        ("type", .string("object")), ("additionalProperties", .bool(false)),
                        ("properties", object(
                            EventDecoding.entryKeys + EventDecoding.workflowPhases.map(\.rawValue),
                            eventKeys(phase: false).merging(Dictionary(uniqueKeysWithValues: EventDecoding.workflowPhases.map { phase in
                                (phase.rawValue, JSONValue.object([
                                    ("description", .string("The \(phase.rawValue) phase's event: its own fields and flags over the entry's" + (phase == .failed ? "; it carries failureCode, the failure's code." : "."))),
                                    ("type", .array([.string("object"), .string("null")])), ("additionalProperties", .bool(false)),
                                    ("properties", object(EventDecoding.phaseKeys, eventKeys(phase: false).merging([
                                        "name": .object([("description", .string("The event's name, instead of the entry's name and the phase's.")), ("type", .string("string")), ("pattern", .string(upperCamelCase))]),
                                    ]) { $1 })),
                                ]))
                            })) { $1 })),
                        ("anyOf", .array(EventDecoding.workflowPhases.map { .object([("required", .array([.string($0.rawValue)]))]) })),
                    ]),
                ]))])),
                ("dependencies", named(upperCamelCase, "Dependencies by the Swift type handlers take.", .object([
                    ("oneOf", .array([
                        .object([("type", .string("null")), ("description", .string("All defaults."))]),
                        .object([
                            ("type", .string("object")), ("additionalProperties", .bool(false)),
                            ("properties", object(SpecDecoder.dependencyKeys, [
                                "name": .object([
                                    ("description", .string("The scope's property and the initialiser's argument label; the type in lowerCamelCase by default.")),
                                    ("type", .string("string")), ("pattern", .string(lowerCamelCase)),
                                ]),
                                "kind": .object([
                                    ("description", .string("A protocol is taken as `any Type`, a concrete type as `Type`.")),
                                    ("enum", .array(DependencySpec.Kind.allCases.map { .string($0.rawValue) })),
                                    ("default", .string(DependencySpec.Kind.protocol.rawValue)),
                                ]),
                                "description": text("Documents the scope's property."),
                            ])),
                        ]),
                    ])),
                ]))),
                ("type", .object([
                    ("type", .string("object")), ("additionalProperties", .bool(false)),
                    ("properties", object(TypeDecoding.typeKeys, [
                        "description": text("Documents the generated type."),
                        "parameters": .object([
                            ("description", .string("A generic struct's type parameters, used in its fields; a use gives their types: Page<TodoItem>.")),
                            ("type", .string("array")), ("items", .object([("type", .string("string")), ("pattern", .string(upperCamelCase))])),
                        ]),
                        "rawType": .object([
                            ("description", .string("An enumeration's raw values: String (the case name by default) or Int (the previous case's plus one by default, from 0).")),
                            ("enum", .array(TypeSpec.RawType.allCases.map { .string($0.rawValue) })),
                            ("default", .string(TypeSpec.RawType.string.rawValue)),
                        ]),
                        "fields": reference("fields"),
                        "cases": .object([
                            ("description", .string("An enumeration's cases with their raw values, in order.")),
                            ("type", .string("object")),
                            ("propertyNames", pattern(lowerCamelCase)),
                            ("additionalProperties", .object([("oneOf", .array([
                                .object([("type", .string("null")), ("description", .string("The raw value is the case name."))]),
                                .object([("type", .array([.string("string"), .string("number"), .string("boolean")])), ("description", .string("The raw value."))]),
                                .object([
                                    ("type", .string("object")), ("additionalProperties", .bool(false)),
                                    ("properties", object(TypeDecoding.caseKeys, [
                                        "value": .object([("description", .string("The raw value; the case name by default.")), ("type", .array([.string("string"), .string("number"), .string("boolean")]))]),
                                        "description": text("Documents the case."),
                                    ])),
                                ]),
                            ]))])),
                        ]),
                    ])),
                    ("oneOf", .array([
                        .object([("required", .array([.string("fields")])), ("not", .object([("required", .array([.string("cases")]))]))]),
                        .object([("required", .array([.string("cases")])), ("not", .object([("required", .array([.string("fields")]))]))]),
                    ])),
                ])),
                ("fields", .object([
                    ("description", .string("Stored properties, in order: a type expression, or {type, default, description}.")),
                    ("type", .array([.string("object"), .string("null")])),
                    ("additionalProperties", reference("field")),
                ])),
                ("field", .object([("oneOf", .array([
                    typeExpression(),
                    .object([
                        ("type", .string("object")), ("additionalProperties", .bool(false)), ("required", .array([.string("type")])),
                        ("properties", object(TypeDecoding.fieldKeys, [
                            "type": typeExpression(),
                            "default": .object([("description", .string("The initialiser's default: a value of the field's type, null for an optional."))]),
                            "description": text("Documents the property."),
                            "minLength": .object([("description", .string("Text: the fewest characters.")), ("type", .string("integer")), ("minimum", .number(0))]),
                            "maxLength": .object([("description", .string("Text: the most characters.")), ("type", .string("integer")), ("minimum", .number(0))]),
                            "pattern": .object([("description", .string("Text: a regular expression the whole value matches.")), ("type", .string("string"))]),
                            "format": .object([
                                ("description", .string("Text: the form it takes.")),
                                ("enum", .array(FieldValidator.Format.allCases.map { .string($0.rawValue) })),
                            ]),
                            "minimum": .object([("description", .string("Numbers: the smallest value, inclusive.")), ("type", .string("number"))]),
                            "maximum": .object([("description", .string("Numbers: the largest value, inclusive.")), ("type", .string("number"))]),
                            "minItems": .object([("description", .string("Lists: the fewest items; 1 for a list that must not be empty.")), ("type", .string("integer")), ("minimum", .number(0))]),
                            "maxItems": .object([("description", .string("Lists: the most items.")), ("type", .string("integer")), ("minimum", .number(0))]),
                            "message": text("What a violation of the field's constraints says, instead of the generated reason."),
                        ])),
                    ]),
                ]))])),
                ("handler", .object([
                    ("description", .string("The handler: its type and what its initialiser takes, in order.")),
                    ("type", .string("object")), ("additionalProperties", .bool(false)),
                    ("properties", object(OperationDecoding.handlerKeys, [
                        "name": .object([
                            ("description", .string("The handler type; <Operation>Handler by default. Each handler serves exactly one operation.")),
                            ("type", .string("string")), ("pattern", .string(upperCamelCase)),
                        ]),
                        "dependencies": .object([
                            ("description", .string("Declared dependency types, in the order the initialiser takes them.")),
                            ("type", .string("array")), ("items", .object([("type", .string("string")), ("pattern", .string(upperCamelCase))])),
                        ]),
                    ])),
                ])),
                ("http", http),
                ("command", operation(OperationDecoding.commandKeys, required: ["category", "description"], [
                    "result": typeExpression("The handler's success value; none by default."),
                    "emitsEvents": flag("Whether the command publishes domain events.", default: true),
                    "requiresTransaction": flag("Whether the command runs in one transaction, committed on success and rolled back on failure; false for a command with 'runs'.", default: true),
                    "events": .object([
                        ("description", .string("The domain events the command publishes; dispatch refuses any other.")),
                        ("type", .string("array")), ("items", .object([("type", .string("string")), ("pattern", .string(upperCamelCase))])),
                    ]),
                ])),
                ("query", operation(OperationDecoding.queryKeys, required: ["category", "description", "result"], [
                    "result": typeExpression("The handler's success value."),
                    "pagination": .object([
                        ("description", .string("How the query reads one page: a style (offset: limit and offset; page: page and size; cursor: cursor and limit), or a mapping with 'style' and the fields that carry each part.")),
                        ("oneOf", .array([
                            .object([("enum", .array(PaginationStyle.allCases.map { .string($0.rawValue) }))]),
                            .object([
                                ("type", .string("object")), ("additionalProperties", .bool(false)), ("required", .array([.string("style")])),
                                ("properties", object(OperationDecoding.paginationKeys, Dictionary(uniqueKeysWithValues:
                                    [("style", .object([("enum", .array(PaginationStyle.allCases.map { .string($0.rawValue) }))]))]
                                    + PaginationRole.allCases.map { role in
                                        (role.rawValue, .object([
                                            ("description", .string("The field that carries the \(role.rawValue); '\(role.rawValue)' by default.")),
                                            ("type", .string("string")), ("pattern", .string(lowerCamelCase)),
                                        ]))
                                    }))),
                            ]),
                        ])),
                    ]),
                    "cachePolicy": .object([
                        ("description", .string("How long the result may be cached: none, short (60 s), medium (5 min), long (1 h), aggressive (1 day).")),
                        ("enum", .array(CachePolicy.allCases.map { .string($0.rawValue) })),
                        ("default", .string(CachePolicy.none.rawValue)),
                    ]),
                ])),
            ])),
        ])
    }

    /// An operation's `http` binding.
    private static var http: JSONValue {
        let methods = HTTPMethod.allCases.map(\.rawValue).joined(separator: "|")
        let name = JSONValue.object([("type", .string("string")), ("minLength", .number(1))])
        return .object([
            ("description", .string("How the operation is served over HTTP: its route, where each field comes from, and the route's policies.")),
            ("type", .string("object")), ("additionalProperties", .bool(false)), ("required", .array([.string("route")])),
            ("properties", object(HTTPDecoding.keys, [
                "route": .object([
                    ("description", .string("A method and a path, each parameter a whole segment in braces naming a field: 'GET /api/v1/items/{itemId}'.")),
                    ("type", .string("string")), ("pattern", .string("^(\(methods)) /")),
                ]),
                "status": .object([
                    ("description", .string("The status of a success: 201 for POST, 204 without a result, 200 otherwise, by default.")),
                    ("type", .string("integer")), ("minimum", .number(200)), ("maximum", .number(299)),
                ]),
                "auth": .object([
                    ("description", .string("Who may call the route: public, authenticated (the default), {role: name} or {permission: name}.")),
                    ("oneOf", .array([
                        .object([("enum", .array(HTTPDecoding.authWords.map(JSONValue.string)))]),
                        .object([
                            ("type", .string("object")), ("additionalProperties", .bool(false)),
                            ("minProperties", .number(1)), ("maxProperties", .number(1)),
                            ("properties", object(HTTPDecoding.authKeys, ["role": name, "permission": name])),
                        ]),
                    ])),
                ]),
                "fields": .object([
                    ("description", .string("Where fields come from, by field name: path, query, header, body (a member of the JSON body), content (the whole body, as bytes or text), caller (the caller's id), client (the client's address) or default (nothing: the field keeps its default), or {source: name on the wire}, or {caller: claim}, or {value: what the route sets}. A date and time read from text may take a day alone too, as its start or end: {query: end_date, day: end}, or {day: start} from the field's default source. Path parameters come from the path, and other fields from the body (POST, PUT, PATCH) or the query string, by default.")),
                    ("type", .string("object")), ("propertyNames", pattern(lowerCamelCase)),
                    ("additionalProperties", .object([("oneOf", .array([
                        .object([("enum", .array(HTTPBindingSpec.Source.allCases.filter { $0 != .value }.map { .string($0.rawValue) }))]),
                        .object([
                            ("type", .string("object")), ("additionalProperties", .bool(false)),
                            ("minProperties", .number(1)), ("maxProperties", .number(2)),
                            ("properties", .object(HTTPBindingSpec.Source.named.map { ($0.rawValue, name) } + [
                                (HTTPBindingSpec.Source.value.rawValue, .object([
                                    ("description", .string("The value the route sets, of the field's type; no client can set it.")),
                                ])),
                                (HTTPDecoding.dayKey, .object([
                                    ("description", .string("What a day written alone (2026-11-01) stands for in a date and time: its first instant or its last millisecond, in UTC.")),
                                    ("enum", .array(HTTPParameter.DayBoundary.allCases.map { .string($0.rawValue) })),
                                ])),
                            ])),
                        ]),
                    ]))])),
                ]),
                "errors": .object([
                    ("description", .string("The status each OperationError code answers with, 400 to 599.")),
                    ("type", .string("object")), ("propertyNames", pattern(snakeCase)),
                    ("additionalProperties", .object([("type", .string("integer")), ("minimum", .number(400)), ("maximum", .number(599))])),
                ]),
                "rateLimit": {
                    let limit = JSONValue.object([
                        ("type", .string("object")), ("additionalProperties", .bool(false)),
                        ("required", .array([.string("requests"), .string("per")])),
                        ("properties", object(HTTPDecoding.rateLimitKeys, [
                            "requests": .object([("type", .string("integer")), ("minimum", .number(1))]),
                            "per": .object([("enum", .array(HTTPRateLimit.Period.allCases.map { .string($0.rawValue) }))]),
                            "by": .object([
                                ("description", .string("What the limit counts by: the client's address (the default), the caller, or {field: name}, a field's value.")),
                                ("oneOf", .array([
                                    .object([("enum", .array(HTTPDecoding.rateLimitKeyWords.map(JSONValue.string)))]),
                                    .object([
                                        ("type", .string("object")), ("additionalProperties", .bool(false)),
                                        ("required", .array(HTTPDecoding.rateLimitFieldKeys.map(JSONValue.string))),
                                        ("properties", object(HTTPDecoding.rateLimitFieldKeys, ["field": .object([("type", .string("string")), ("pattern", .string(lowerCamelCase))])])),
                                    ]),
                                ])),
                            ]),
                        ])),
                    ])
                    return .object([
                        ("description", .string("How many requests the route takes in a period, per client address (the default), per caller or per value of a field; or a list of such limits, each counted apart.")),
                        ("oneOf", .array([limit, .object([("type", .string("array")), ("minItems", .number(1)), ("items", limit)])])),
                    ])
                }(),
                "idempotent": flag("Whether repeating the request has the effect of making it once; GET, PUT and DELETE are by default.", default: false),
                "deprecated": .object([
                    ("description", .string("true, or {replacement: Operation}: the route is kept for existing clients.")),
                    ("oneOf", .array([
                        .object([("type", .string("boolean"))]),
                        .object([
                            ("type", .string("object")), ("additionalProperties", .bool(false)),
                            ("properties", object(HTTPDecoding.deprecationKeys, [
                                "replacement": .object([("type", .string("string")), ("pattern", .string(upperCamelCase))]),
                            ])),
                        ]),
                    ])),
                ]),
                "tags": .object([
                    ("description", .string("Groups for the OpenAPI document; the operation's category by default.")),
                    ("type", .string("array")), ("items", name),
                ]),
                "when": .object([
                    ("description", .string("For a route that shares its method and path with others: the fields (from the query string or headers) whose presence in a request chooses it; the first route, in spec order, whose fields a request carries any of answers it, else the one route without 'when'.")),
                    ("oneOf", .array([
                        .object([("type", .string("string")), ("pattern", .string(lowerCamelCase))]),
                        .object([("type", .string("array")), ("minItems", .number(1)), ("items", .object([("type", .string("string")), ("pattern", .string(lowerCamelCase))]))]),
                    ])),
                ]),
                "bodyLimit": .object([
                    ("description", .string("The largest body the route reads: a number of bytes, or a number and a unit (" + HTTPBindingSpec.sizeUnits.map(\.name).joined(separator: ", ") + "), as in '5 MiB'; the server's own limit by default.")),
                    ("oneOf", .array([
                        .object([("type", .string("integer")), ("minimum", .number(1))]),
                        .object([("type", .string("string")), ("pattern", .string("^[1-9][0-9]* (" + HTTPBindingSpec.sizeUnits.map(\.name).joined(separator: "|") + ")$"))]),
                    ])),
                ]),
                "response": .object([
                    ("description", .string("What a success answers with: the result (the default), none (the status alone; 204 by default), or {field: name, with: {member: text}}, the result under one member of an object, beside members of fixed text.")),
                    ("oneOf", .array([
                        .object([("enum", .array(HTTPDecoding.responseWords.map(JSONValue.string)))]),
                        .object([
                            ("type", .string("object")), ("additionalProperties", .bool(false)), ("required", .array([.string("field")])),
                            ("properties", object(HTTPDecoding.responseKeys, [
                                "field": .object([("type", .string("string")), ("pattern", .string(lowerCamelCase))]),
                                "with": .object([
                                    ("description", .string("Members of fixed text beside the result, by lowerCamelCase name.")),
                                    ("type", .string("object")), ("propertyNames", pattern(lowerCamelCase)),
                                    ("additionalProperties", .object([("type", .string("string"))])),
                                ]),
                            ])),
                        ]),
                    ])),
                ]),
            ])),
        ])
    }

    /// An operation's schema: the keys it shares with the other kind, and its own.
    private static func operation(_ keys: [String], required: [String], _ own: [String: JSONValue]) -> JSONValue {
        let shared: [String: JSONValue] = [
            "category": .object([("description", .string("A declared category.")), ("type", .string("string")), ("pattern", .string(snakeCase))]),
            "description": text("Documents the generated operation type."),
            "fields": reference("fields"),
            "handler": reference("handler"),
            "runs": .object([
                ("description", .string("The operations the handler runs, each through the dispatch path: it can run these and no others. A command that runs others has no transaction of its own.")),
                ("type", .string("array")), ("minItems", .number(1)), ("uniqueItems", .bool(true)),
                ("items", .object([("type", .string("string")), ("pattern", .string(upperCamelCase))])),
            ]),
            "http": reference("http"),
        ]
        return .object([
            ("type", .string("object")), ("additionalProperties", .bool(false)),
            ("required", .array(required.map(JSONValue.string))),
            ("properties", object(keys, shared.merging(own) { $1 })),
        ])
    }

    /// `properties` in the decoder's key order, each key's schema from `schemas`: a key without one is a programming
    /// error this module's tests catch at once.
    /// The keys an event, a three-phase entry and a phase share, and a single event's `phase`.
    static func eventKeys(phase: Bool) -> [String: JSONValue] {
        var keys: [String: JSONValue] = [
            "description": text("Documents the generated event."),
            "category": .object([("description", .string("What the event groups under.")), ("type", .string("string")), ("pattern", .string(snakeCase))]),
            "workflow": .object([("description", .string("The workflow it belongs to; the name in snake_case by default.")), ("type", .string("string")), ("pattern", .string(snakeCase))]),
            "fields": reference("fields"),
            "secret": .object([
                ("description", .string("Fields subscribers receive but that are never encoded, so never logged or audited.")),
                ("type", .string("array")), ("items", .object([("type", .string("string")), ("pattern", .string(lowerCamelCase))])),
            ]),
            "logging": flag("Whether a logging subscriber writes a line for it.", default: true),
            "audit": .object([
                ("description", .string("Whether the audit log records it: true (under its name in upper snake case), false, or the action name.")),
                ("oneOf", .array([.object([("type", .string("boolean"))]), .object([("type", .string("string")), ("pattern", .string("^[A-Z][A-Z0-9_]*$"))])])),
                ("default", .bool(false)),
            ]),
            "email": flag("Whether an email subscriber sends a message for it.", default: false),
            "session": flag("Whether a session subscriber acts on it.", default: false),
        ]
        if phase {
            keys["phase"] = .object([
                ("description", .string("Where its workflow is when it is published.")),
                ("enum", .array(EventSpec.Phase.allCases.map { .string($0.rawValue) })),
                ("default", .string(EventSpec.Phase.operational.rawValue)),
            ])
        }
        return keys
    }

    static func object(_ keys: [String], _ schemas: [String: JSONValue]) -> JSONValue {
        .object(keys.map { key in
            guard let schema = schemas[key] else { preconditionFailure("SpecSchema has no schema for key '\(key)'") }
            return (key, schema)
        })
    }

    static func named(_ namePattern: String, _ description: String, _ value: JSONValue) -> JSONValue {
        .object([
            ("description", .string(description)), ("type", .array([.string("object"), .string("null")])),
            ("propertyNames", pattern(namePattern)), ("additionalProperties", value),
        ])
    }

    static func reference(_ name: String) -> JSONValue { .object([("$ref", .string("#/definitions/\(name)"))]) }
    static func pattern(_ pattern: String) -> JSONValue { .object([("pattern", .string(pattern))]) }
    static func text(_ description: String) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("string"))])
    }
    static func flag(_ description: String, default value: Bool) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("boolean")), ("default", .bool(value))])
    }
    static func typeExpression(_ description: String = "A type expression: Name, Name<T>, T?, [T] or [K: V]; quote one that starts with [.") -> JSONValue {
        .object([("description", .string(description)), ("type", .string("string"))])
    }
    static func words(_ description: String, default words: [String]) -> JSONValue {
        .object([
            ("description", .string(description)), ("type", .string("array")),
            ("items", .object([("type", .string("string")), ("pattern", .string(upperCamelCase))])),
            ("default", .array(words.map(JSONValue.string))),
        ])
    }
}
