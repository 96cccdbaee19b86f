/// The JSON Schemas of the types the routes use: built-in types inline, declared types as components referenced by
/// name, each generic type once for each list of arguments it is used with (`Page<TodoItem>` as `Page_TodoItem`).
/// Only what some route reaches is collected.
struct SchemaCollector {
    let context: GenerationContext
    /// Each component's name and the type it describes, in the order first reached.
    private var pending: [(name: String, type: TypeExpression)] = []
    private var seen: Set<String> = []

    init(context: GenerationContext) {
        self.context = context
    }

    /// The schema of a value of `type`, where `substitutions` gives the arguments of the generic type being described.
    mutating func schema(for type: TypeExpression, substitutions: [String: TypeExpression] = [:]) -> JSONValue {
        switch type {
        case .named(let name):
            if let argument = substitutions[name] { return schema(for: argument) }
            if let builtin = Self.builtin(name) { return builtin }
            guard context.index.types[name] != nil else { return .object([]) }
            return reference(to: name, type)
        case .generic(let name, let arguments):
            let resolved = arguments.map { substitute($0, substitutions) }
            return reference(to: Self.componentName(.generic(name, resolved)), .generic(name, resolved))
        case .optional(let wrapped):
            return .object([("anyOf", .array([schema(for: wrapped, substitutions: substitutions), .object([("type", .string("null"))])]))])
        case .array(let element):
            return .object([("type", .string("array")), ("items", schema(for: element, substitutions: substitutions))])
        case .dictionary(_, let value):
            // JSON keys are strings whatever the dictionary's key type.
            return .object([("type", .string("object")), ("additionalProperties", schema(for: value, substitutions: substitutions))])
        }
    }

    /// An object of `fields`, each under its wire name: what a declared struct and a route's body are.
    mutating func object(
        _ fields: [FieldSpec], wireName: (String) -> String, substitutions: [String: TypeExpression] = [:], description: String? = nil
    ) -> JSONValue {
        var properties: [(String, JSONValue)] = []
        var required: [JSONValue] = []
        for field in fields {
            guard let type = field.type.expression else { continue }
            let isOptional = OpenAPIDocument.unwrapped(type).isOptional
            var property = OpenAPIDocument.adding(OpenAPIDocument.keywords(field.constraints), to: schema(for: type, substitutions: substitutions))
            if let description = field.description, case .object(var members) = property {
                members.append(("description", .string(description)))
                property = .object(members)
            }
            properties.append((wireName(field.name), property))
            if !isOptional { required.append(.string(wireName(field.name))) }
        }
        var members: [(String, JSONValue)] = [("type", .string("object"))]
        if let description { members.append(("description", .string(description))) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        members.append(("properties", .object(properties)))
        return .object(members)
    }

    /// Every component reached so far and every component they reach, by name.
    mutating func components() -> [(String, JSONValue)] {
        var built: [(String, JSONValue)] = []
        var index = 0
        while index < pending.count {
            let (name, type) = pending[index]
            index += 1
            built.append((name, component(type)))
        }
        return built.sorted { $0.0 < $1.0 }
    }

    private mutating func component(_ type: TypeExpression) -> JSONValue {
        let (name, arguments): (String, [TypeExpression]) = switch type {
        case .generic(let name, let arguments): (name, arguments)
        case .named(let name): (name, [])
        default: ("", [])
        }
        guard let declared = context.index.types[name] else { return .object([]) }
        switch declared.body {
        case .structure(let fields):
            let substitutions = Dictionary(
                zip(declared.parameters.map(\.value), arguments).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
            let wireNames = context.options.wireNames
            return object(fields, wireName: { wireNames.wireName(of: $0) }, substitutions: substitutions, description: declared.description)
        case .enumeration(let cases):
            let values: [JSONValue] = switch declared.rawType {
            case .string: cases.map { .string($0.rawValue) }
            case .int: cases.map { .number(Int($0.rawValue) ?? 0) }
            }
            var members: [(String, JSONValue)] = [("type", .string(declared.rawType == .int ? "integer" : "string"))]
            if let description = declared.description { members.append(("description", .string(description))) }
            members.append(("enum", .array(values)))
            return .object(members)
        }
    }

    private mutating func reference(to name: String, _ type: TypeExpression) -> JSONValue {
        if seen.insert(name).inserted { pending.append((name, type)) }
        return .object([("$ref", .string("#/components/schemas/\(name)"))])
    }

    private func substitute(_ type: TypeExpression, _ substitutions: [String: TypeExpression]) -> TypeExpression {
        switch type {
        case .named(let name): substitutions[name] ?? type
        case .generic(let name, let arguments): .generic(name, arguments.map { substitute($0, substitutions) })
        case .optional(let wrapped): .optional(substitute(wrapped, substitutions))
        case .array(let element): .array(substitute(element, substitutions))
        case .dictionary(let key, let value): .dictionary(key: substitute(key, substitutions), value: substitute(value, substitutions))
        }
    }

    /// A name for a component that OpenAPI accepts (letters, digits, `.`, `-`, `_`): `Page_TodoItem`,
    /// `Page_ArrayOf_TodoItem`.
    static func componentName(_ type: TypeExpression) -> String {
        switch type {
        case .named(let name): name
        case .generic(let name, let arguments): ([name] + arguments.map(componentName)).joined(separator: "_")
        case .optional(let wrapped): "Optional_" + componentName(wrapped)
        case .array(let element): "ArrayOf_" + componentName(element)
        case .dictionary(let key, let value): "DictionaryOf_" + componentName(key) + "_" + componentName(value)
        }
    }

    /// The schema of a built-in type, as Foundation's JSON coders write it (dates as ISO 8601, data as base64).
    static func builtin(_ name: String) -> JSONValue? {
        func string(_ format: String? = nil) -> JSONValue {
            .object([("type", .string("string"))] + (format.map { [("format", .string($0))] } ?? []))
        }
        func integer(_ format: String?, minimum: Int? = nil, maximum: Int? = nil) -> JSONValue {
            var members: [(String, JSONValue)] = [("type", .string("integer"))]
            if let format { members.append(("format", .string(format))) }
            if let minimum { members.append(("minimum", .number(minimum))) }
            if let maximum { members.append(("maximum", .number(maximum))) }
            return .object(members)
        }
        switch name {
        case "String": return string()
        case "Character": return .object([("type", .string("string")), ("minLength", .number(1))])
        case "Bool": return .object([("type", .string("boolean"))])
        case "Int", "Int64": return integer("int64")
        case "Int32": return integer("int32")
        case "Int16": return integer(nil, minimum: Int(Int16.min), maximum: Int(Int16.max))
        case "Int8": return integer(nil, minimum: Int(Int8.min), maximum: Int(Int8.max))
        case "UInt", "UInt64": return integer(nil, minimum: 0)
        case "UInt32": return integer(nil, minimum: 0, maximum: Int(UInt32.max))
        case "UInt16": return integer(nil, minimum: 0, maximum: Int(UInt16.max))
        case "UInt8": return integer(nil, minimum: 0, maximum: Int(UInt8.max))
        case "Double": return .object([("type", .string("number")), ("format", .string("double"))])
        case "Float": return .object([("type", .string("number")), ("format", .string("float"))])
        case "Decimal": return .object([("type", .string("number"))])
        case "UUID": return string("uuid")
        case "Date": return string("date-time")
        case "URL": return string("uri")
        case "Data": return .object([("type", .string("string")), ("contentEncoding", .string("base64"))])
        default: return nil
        }
    }
}
