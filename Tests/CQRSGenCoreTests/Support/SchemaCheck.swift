@testable import CQRSGenCore

/// Just enough of JSON Schema (draft 7) to check a YAML document against the spec's schema in tests, as a YAML
/// language server does: `$ref`, `type`, `const`, `enum`, `properties`, `additionalProperties`, `required`,
/// `propertyNames` with `pattern`, `items`, `oneOf` and `not`. Returns the paths of the values that do not fit.
struct SchemaCheck {
    let root: JSONValue

    func problems(_ node: YAMLNode) -> [String] {
        problems(node, root, path: "$")
    }

    private func problems(_ node: YAMLNode, _ schema: JSONValue, path: String) -> [String] {
        if case .string(let reference)? = schema["$ref"] {
            let name = String(reference.dropFirst("#/definitions/".count))
            guard let target = root["definitions"]?[name] else { return ["\(path): unknown $ref \(reference)"] }
            return problems(node, target, path: path)
        }
        var found: [String] = []
        if let types = schema["type"] {
            let allowed: [String] = switch types {
            case .string(let type): [type]
            case .array(let items): items.compactMap { if case .string(let type) = $0 { type } else { nil } }
            default: []
            }
            let actual = Self.type(of: node)
            if !allowed.contains(actual) && !(actual == "integer" && allowed.contains("number")) {
                return ["\(path): \(actual) is not \(allowed.joined(separator: " or "))"]
            }
        }
        if case .number(let value)? = schema["const"], node.scalar?.value != "\(value)" { found.append("\(path): not \(value)") }
        if case .array(let values)? = schema["enum"] {
            let allowed = values.compactMap { if case .string(let text) = $0 { text } else { nil } }
            if !allowed.contains(node.scalar?.value ?? "") { found.append("\(path): not one of \(allowed)") }
        }
        if let mapping = node.mapping {
            let properties = schema["properties"]
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where !mapping.contains(where: { $0.key.value == key }) {
                    found.append("\(path): '\(key)' is required")
                }
            }
            for entry in mapping {
                let key = entry.key.value
                if case .string(let pattern)? = schema["propertyNames"]?["pattern"],
                   let regex = try? Regex(pattern), (try? regex.wholeMatch(in: key)) == nil {
                    found.append("\(path): '\(key)' does not match \(pattern)")
                }
                if let property = properties?[key] {
                    found += problems(entry.value, property, path: path + "." + key)
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) {
                        found.append("\(path): '\(key)' is not allowed")
                    } else if additional != .bool(true) {
                        found += problems(entry.value, additional, path: path + "." + key)
                    }
                }
            }
        }
        if let sequence = node.sequence, let items = schema["items"] {
            for (index, item) in sequence.enumerated() { found += problems(item, items, path: path + "[\(index)]") }
        }
        if case .array(let alternatives)? = schema["oneOf"] {
            let fitting = alternatives.filter { problems(node, $0, path: path).isEmpty }.count
            if fitting != 1 { found.append("\(path): fits \(fitting) of the \(alternatives.count) alternatives, not one") }
        }
        if let not = schema["not"], problems(node, not, path: path).isEmpty { found.append("\(path): fits what is excluded") }
        return found
    }

    /// The JSON type a YAML value has under YAML's core schema: an unquoted `true` is a boolean, `12` an integer.
    static func type(of node: YAMLNode) -> String {
        if node.mapping != nil { return "object" }
        if node.sequence != nil { return "array" }
        guard let scalar = node.scalar else { return "null" }
        if scalar.style != .plain { return "string" }
        if node.isNull { return "null" }
        if ["true", "false"].contains(scalar.value) { return "boolean" }
        if scalar.value.wholeMatch(of: /[-+]?[0-9]+/) != nil { return "integer" }
        if scalar.value.wholeMatch(of: /[-+]?([0-9]*\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+]?[0-9]+)?/) != nil { return "number" }
        return "string"
    }
}
