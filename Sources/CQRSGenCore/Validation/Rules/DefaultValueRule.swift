/// A field's default must be a value of the field's type, written as YAML: `true`/`false` for `Bool`, a plain
/// number for numeric types, any text for `String`, `null` for an optional, a list for an array, a mapping for a
/// dictionary, and a case name for a declared enumeration. Quoted numbers are text, not numbers.
public struct DefaultValueRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        index.fields.compactMap { reference in
            let field = reference.field
            guard let value = field.defaultValue, let type = field.type.expression else { return nil }
            if reference.owner == .type, let owner = index.types[reference.ownerName],
               let parameter = owner.parameters.first(where: { type.referencedNames.contains($0.value) })
            {
                return .error(
                    "field '\(field.name)' of \(reference.ownerDescription) cannot have a default: its type uses the type parameter '\(parameter.value)'",
                    at: value.location)
            }
            guard let problem = Self.problem(with: value, as: type, index) else { return nil }
            return .error(
                "default value of field '\(field.name)' of \(reference.ownerDescription) does not fit its type '\(type)': \(problem.message)",
                at: problem.location)
        }
    }

    struct Problem {
        var message: String
        var location: SourceLocation
    }

    static func problem(with node: YAMLNode, as type: TypeExpression, _ index: SpecIndex) -> Problem? {
        if let scalar = node.scalar, scalar.isNull {
            if case .optional = type { return nil }
            return Problem(message: "null is not a '\(type)'; make the type optional ('\(type)?') to default to nil", location: node.location)
        }
        switch type {
        case .optional(let wrapped):
            return problem(with: node, as: wrapped, index)
        case .array(let element):
            guard let items = node.sequence else {
                return Problem(message: "expected a list, like [] or [a, b], not \(node.kindDescription)", location: node.location)
            }
            return items.lazy.compactMap { problem(with: $0, as: element, index) }.first
        case .dictionary(let keyType, let valueType):
            guard let entries = node.mapping else {
                return Problem(message: "expected a mapping, like {} or {a: b}, not \(node.kindDescription)", location: node.location)
            }
            return entries.lazy.compactMap {
                problem(with: $0.keyNode, as: keyType, index) ?? problem(with: $0.value, as: valueType, index)
            }.first
        case .generic:
            return Problem(
                message: "a generic type cannot have a default in the spec; make the field optional or leave out the default",
                location: node.location)
        case .named(let name):
            if let literal = BuiltinTypes.all[name] {
                guard let scalar = node.scalar else {
                    return Problem(message: "expected a single value, not \(node.kindDescription)", location: node.location)
                }
                return LiteralCheck.problem(with: scalar, as: literal, typeName: name).map { Problem(message: $0, location: scalar.location) }
            }
            guard let declared = index.types[name] else { return nil }  // Unknown types are TypeReferenceRule's.
            switch declared.body {
            case .enumeration(let cases):
                let names = cases.map(\.name)
                guard let scalar = node.scalar, scalar.style == .plain else {
                    return Problem(message: "expected a case name of '\(name)' (\(names.joined(separator: ", ")))", location: node.location)
                }
                if names.contains(scalar.value) { return nil }
                let hint = Suggestion.didYouMean(scalar.value, among: names)
                return Problem(
                    message: "'\(scalar.value)' is not a case of '\(name)'" + (hint.isEmpty ? " (\(names.joined(separator: ", ")))" : hint),
                    location: scalar.location)
            case .structure:
                return Problem(
                    message: "a struct type cannot have a default in the spec; make the field optional or leave out the default",
                    location: node.location)
            }
        }
    }
}

/// Checks one scalar against a built-in type's literal syntax.
enum LiteralCheck {
    static func problem(with scalar: YAMLScalar, as literal: BuiltinTypes.Literal, typeName: String) -> String? {
        let text = scalar.value
        let isPlain = scalar.style == .plain
        switch literal {
        case .string:
            return nil
        case .character:
            return text.count == 1 ? nil : "'\(text)' is not a single character"
        case .bool:
            return isPlain && (text == "true" || text == "false") ? nil : "'\(text)' is not true or false"
        case .integer(let range):
            guard isPlain, let value = Int64(text) else { return "'\(text)' is not a whole number" }
            if let range, !range.contains(value) {
                return "\(text) is out of range for \(typeName) (\(range.lowerBound)...\(range.upperBound))"
            }
            return nil
        case .unsignedInteger(let range):
            guard isPlain, let value = UInt64(text) else { return "'\(text)' is not a non-negative whole number" }
            return range.contains(value) ? nil : "\(text) is out of range for \(typeName) (0...\(range.upperBound))"
        case .floatingPoint:
            return isPlain && isDecimalNumber(text) ? nil : "'\(text)' is not a decimal number"
        case .uuid:
            return isUUID(text) ? nil : "'\(text)' is not a UUID (8-4-4-4-12 hexadecimal digits)"
        case .date:
            return isISO8601DateTime(text) ? nil : "'\(text)' is not an ISO 8601 date and time, like 2024-01-31T12:00:00Z"
        case .data:
            return isBase64(text) ? nil : "'\(text)' is not base64-encoded data"
        case .url:
            return isAbsoluteURL(text) ? nil : "'\(text)' is not an absolute URL"
        }
    }

    /// `12`, `-0.5`, `1e3`, `2.5E-3`: digits on both sides of a point, as Swift's own float literals need them
    /// (`.5` and `5.` are not Swift), so that a default can be written into generated code as it is.
    static func isDecimalNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        func digits() -> Int {
            let run = scalars.prefix { $0.isASCIIDigit }.count
            scalars = scalars.dropFirst(run)
            return run
        }
        if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
        guard digits() > 0 else { return false }
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            guard digits() > 0 else { return false }
        }
        if let e = scalars.first, e == "e" || e == "E" {
            scalars = scalars.dropFirst()
            if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return scalars.isEmpty
    }

    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z` or `±HH:MM`.
    static func isISO8601DateTime(_ text: String) -> Bool {
        let s = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= s.count && range.allSatisfy { (48...57).contains(s[$0]) } }
        func char(_ i: Int, _ c: Character) -> Bool { i < s.count && s[i] == c.asciiValue! }
        guard digits(0..<4), char(4, "-"), digits(5..<7), char(7, "-"), digits(8..<10), char(10, "T"),
              digits(11..<13), char(13, ":"), digits(14..<16), char(16, ":"), digits(17..<19) else { return false }
        var i = 19
        if char(i, ".") {
            i += 1
            let start = i
            while i < s.count, (48...57).contains(s[i]) { i += 1 }
            guard i > start else { return false }
        }
        if char(i, "Z") { return i + 1 == s.count }
        guard char(i, "+") || char(i, "-") else { return false }
        return digits(i + 1..<i + 3) && char(i + 3, ":") && digits(i + 4..<i + 6) && i + 6 == s.count
    }

    static func isBase64(_ text: String) -> Bool {
        let s = Array(text.utf8)
        guard s.count % 4 == 0 else { return false }
        let padding = s.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        guard padding <= 2 else { return false }
        return s.dropLast(padding).allSatisfy { byte in
            (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
        }
    }

    static func isAbsoluteURL(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        return scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && text.count > scheme.count + 1
            && !text.contains { $0.isWhitespace }
    }
}
