import CQRS

/// Decodes `types` and the `fields` that operations and types share.
enum TypeDecoding {
    static let typeKeys = ["description", "parameters", "fields", "cases", "rawType"]
    static let fieldKeys = ["type", "default", "description"] + FieldConstraints.keys
    static let caseKeys = ["value", "description"]

    static func decodeTypes(_ node: YAMLNode, _ context: inout DecodingContext) -> [TypeSpec] {
        guard let entries = context.mapping(node, "'types'", expected: "a mapping of type names to types") else { return [] }
        return entries.map { decodeType($0, &context) }
    }

    private static func decodeType(_ entry: YAMLMappingEntry, _ context: inout DecodingContext) -> TypeSpec {
        let name = entry.key.value
        let what = { "type '\(name)'" }
        // A type whose body is wrong still declares its name, so that uses of it are not reported as unknown too.
        let placeholder = TypeSpec(name: name, description: nil, body: .structure([]), at: entry.key.location)
        guard let entries = context.mapping(entry.value, what(), expected: "a mapping with 'fields' or 'cases'") else {
            return placeholder
        }
        context.checkKeys(of: entries, in: what(), allowed: typeKeys)
        let description = entries.value("description").flatMap { context.text($0, "'description' of \(what())") }
        let parameters = entries.value("parameters").flatMap {
            context.stringList($0, "'parameters' of \(what())", itemDescription: "type parameter names")
        } ?? []
        var rawType = TypeSpec.RawType.string
        if let node = entries.value("rawType"), let chosen = context.choice(node, "'rawType' of \(what())", of: TypeSpec.RawType.self) {
            rawType = chosen
        }
        let body: TypeSpec.Body
        switch (entries.entry("fields"), entries.entry("cases")) {
        case (let fields?, nil):
            body = .structure(decodeFields(fields.value, owner: what(), &context))
            if let rawType = entries.entry("rawType") {
                context.error("'rawType' is for enumerations; \(what()) is a struct", at: rawType.key.location)
            }
        case (nil, let cases?):
            body = .enumeration(decodeCases(cases.value, rawType: rawType, owner: what(), &context))
            if let parameters = entries.entry("parameters") {
                context.error("an enumeration cannot have 'parameters'; only structs are generic", at: parameters.key.location)
            }
        case (_?, let cases?):
            context.error(
                "\(what()) has both 'fields' and 'cases'; a type is either a struct or an enumeration",
                at: cases.key.location)
            return placeholder
        case (nil, nil):
            context.error("\(what()) needs 'fields' (a struct) or 'cases' (an enumeration)", at: entry.key.location)
            return placeholder
        }
        return TypeSpec(
            name: name, description: description, body: body, parameters: parameters, rawType: rawType, at: entry.key.location)
    }

    /// `fields`: a mapping of names to a type (`id: UUID`) or to `{type, default, description}`.
    static func decodeFields(_ node: YAMLNode, owner: @autoclosure () -> String, _ context: inout DecodingContext) -> [FieldSpec] {
        guard let entries = context.mapping(node, "'fields' of \(owner())", expected: "a mapping of field names to types")
        else { return [] }
        return entries.compactMap { entry in
            func what() -> String { "field '\(entry.key.value)' of \(owner())" }
            if entry.value.scalar != nil {
                guard let type = context.typeReference(entry.value, what()) else { return nil }
                return FieldSpec(name: entry.key.value, type: type, defaultValue: nil, description: nil, at: entry.key.location)
            }
            guard let details = context.mapping(entry.value, what(), expected: "a type, or a mapping with 'type'") else {
                return nil
            }
            context.checkKeys(of: details, in: what(), allowed: fieldKeys)
            guard let typeNode = details.value("type") else {
                context.error("\(what()) has no 'type'", at: entry.key.location)
                return nil
            }
            guard let type = context.typeReference(typeNode, what()) else { return nil }
            let description = details.value("description").flatMap { context.text($0, "'description' of \(what())") }
            return FieldSpec(
                name: entry.key.value, type: type, defaultValue: details.entry("default")?.value,
                description: description, constraints: decodeConstraints(details, what: what(), &context), at: entry.key.location)
        }
    }

    /// The constraints beside a field's `type`, each checked for its shape here; whether it fits the type is
    /// ``FieldConstraintRule``'s.
    static func decodeConstraints(_ details: YAMLMapping, what: String, _ context: inout DecodingContext) -> FieldConstraints {
        var constraints = FieldConstraints()
        func count(_ key: String) -> Located<Int>? {
            guard let node = details.value(key), let value = context.integer(node, "'\(key)' of \(what)") else { return nil }
            guard value >= 0 else {
                context.error("'\(key)' of \(what) must be 0 or more, not \(value)", at: node.location)
                return nil
            }
            return Located(value, at: node.location)
        }
        func number(_ key: String) -> Located<String>? {
            guard let node = details.value(key), let scalar = context.scalar(node, "'\(key)' of \(what)", expected: "a number") else {
                return nil
            }
            guard scalar.style == .plain, Double(scalar.value) != nil, !scalar.value.contains(where: \.isLetter) else {
                context.error("'\(key)' of \(what) must be a number, not '\(scalar.value)'", at: node.location)
                return nil
            }
            return Located(scalar.value, at: node.location)
        }
        constraints.minLength = count("minLength")
        constraints.maxLength = count("maxLength")
        constraints.minItems = count("minItems")
        constraints.maxItems = count("maxItems")
        constraints.minimum = number("minimum")
        constraints.maximum = number("maximum")
        if let node = details.value("pattern"), let scalar = context.scalar(node, "'pattern' of \(what)", expected: "a regular expression") {
            constraints.pattern = Located(scalar.value, at: node.location)
        }
        if let node = details.value("format"), let format = context.choice(node, "'format' of \(what)", of: FieldValidator.Format.self) {
            constraints.format = Located(format, at: node.location)
        }
        if let node = details.value("message"), let text = context.text(node, "'message' of \(what)") {
            constraints.message = Located(text, at: node.location)
        }
        return constraints
    }

    /// `cases`: a mapping of case names to nothing (the raw value is the name), a raw value, or
    /// `{value, description}`.
    /// With `rawType: Int`, a case without a value takes the one after the previous case's (the first, 0), as Swift
    /// numbers them; the generated code writes every value out.
    private static func decodeCases(
        _ node: YAMLNode, rawType: TypeSpec.RawType, owner: @autoclosure () -> String, _ context: inout DecodingContext
    ) -> [EnumCaseSpec] {
        guard let entries = context.mapping(node, "'cases' of \(owner())", expected: "a mapping of case names to raw values")
        else { return [] }
        var nextInteger = 0
        return entries.compactMap { entry in
            let name = entry.key.value
            func what() -> String { "case '\(name)' of \(owner())" }
            /// The raw value written, or the implicit one; an Int enumeration's must be a whole number.
            func rawValue(_ scalar: YAMLScalar?) -> String {
                guard rawType == .int else { return scalar?.value ?? name }
                guard let scalar else {
                    defer { nextInteger += 1 }
                    return String(nextInteger)
                }
                guard scalar.style == .plain, let value = Int(scalar.value) else {
                    context.error("the raw value of \(what()) must be a whole number, not '\(scalar.value)'", at: scalar.location)
                    return String(nextInteger)
                }
                nextInteger = value &+ 1
                return String(value)
            }
            switch entry.value.content {
            case .scalar(let scalar) where scalar.isNull:
                return EnumCaseSpec(name: name, rawValue: rawValue(nil), description: nil, at: entry.key.location)
            case .scalar(let scalar):
                return EnumCaseSpec(name: name, rawValue: rawValue(scalar), description: nil, at: entry.key.location)
            case .mapping(let details):
                context.checkKeys(of: details, in: what(), allowed: caseKeys)
                let value = details.value("value").flatMap { context.scalar($0, "'value' of \(what())", expected: "a raw value") }
                let description = details.value("description").flatMap { context.text($0, "'description' of \(what())") }
                return EnumCaseSpec(name: name, rawValue: rawValue(value), description: description, at: entry.key.location)
            case .sequence:
                context.error("\(what()) must be a raw value or a mapping with 'value', not a list", at: entry.value.location)
                return nil
            }
        }
    }
}
