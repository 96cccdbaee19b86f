/// A field's default as a Swift expression, built from the validated YAML value and the field's type: literals for
/// what Swift has literals for, exact initialisers for Foundation types. Only specs the validator accepted reach
/// here, so every value fits its type.
enum DefaultValueExpression {
    static func render(_ node: YAMLNode, as type: TypeExpression, types: [String: TypeSpec], inOptional: Bool = false) -> String {
        if let scalar = node.scalar, scalar.isNull { return "nil" }
        switch type {
        case .optional(let wrapped):
            return render(node, as: wrapped, types: types, inOptional: true)
        case .array(let element):
            let items = (node.sequence ?? .empty).map { render($0, as: element, types: types) }
            return "[" + items.joined(separator: ", ") + "]"
        case .dictionary(let keyType, let valueType):
            let entries = node.mapping ?? .empty
            guard !entries.isEmpty else { return "[:]" }
            return "[" + entries.map {
                render($0.keyNode, as: keyType, types: types) + ": " + render($0.value, as: valueType, types: types)
            }.joined(separator: ", ") + "]"
        case .named(let name), .generic(let name, _):
            let text = node.scalar?.value ?? ""
            if let literal = BuiltinTypes.all[name] {
                return builtin(text, literal, typeName: name)
            }
            // A declared enumeration: the validator accepts only its case names. Where an optional is expected,
            // `.none` and `.some` would be Optional's own members (`.none` is nil), so the case is named with its type.
            return (inOptional ? name : "") + "." + SwiftName.escaped(text)
        }
    }

    private static func builtin(_ text: String, _ literal: BuiltinTypes.Literal, typeName: String) -> String {
        switch literal {
        case .string, .character: SwiftLiteral.string(text)
        case .bool: text
        case .integer, .unsignedInteger: text.hasPrefix("+") ? String(text.dropFirst()) : text
        case .floatingPoint where typeName == "Decimal": decimal(text)
        case .floatingPoint: text.hasPrefix("+") ? String(text.dropFirst()) : text
        case .uuid: "UUID(uuidString: \(SwiftLiteral.string(text)))!"
        case .date: "Date(timeIntervalSince1970: \(ISO8601Seconds.sinceEpoch(text) ?? "0"))"
        case .data: "Data(base64Encoded: \(SwiftLiteral.string(text)))!"
        case .url: "URL(string: \(SwiftLiteral.string(text)))!"
        }
    }

    /// `Decimal(sign:exponent:significand:)` with the literal's exact digits: a `Decimal` built from a float
    /// literal would pass through `Double` and lose precision (`0.1` is not `0.1`).
    static func decimal(_ text: String) -> String {
        var body = Substring(text)
        var sign = ".plus"
        if body.first == "-" { sign = ".minus" }
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(body[body.index(after: e)...]) ?? 0
            body = body[..<e]
        }
        var digits = String(body)
        if let point = digits.firstIndex(of: ".") {
            exponent -= digits.distance(from: point, to: digits.endIndex) - 1
            digits.remove(at: point)
        }
        let significand = String(digits.drop { $0 == "0" })
        guard !significand.isEmpty else { return "Decimal(0)" }
        if significand.count <= 18 {
            return "Decimal(sign: \(sign), exponent: \(exponent), significand: \(significand))"
        }
        // Too many digits for an integer literal: Foundation parses the text exactly.
        return "Decimal(string: \(SwiftLiteral.string(text)), locale: nil)!"
    }
}

/// Seconds since 1970 for an ISO 8601 date and time the validator accepted (`2024-01-31T12:00:00.5+01:00`),
/// computed here rather than parsed at runtime, so that the generated default is a plain number.
enum ISO8601Seconds {
    static func sinceEpoch(_ text: String) -> String? {
        let s = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count else { return nil }
            return Int(String(decoding: s[range], as: UTF8.self))
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        var index = 19
        var fraction = ""
        if index < s.count, s[index] == UInt8(ascii: ".") {
            index += 1
            while index < s.count, (48...57).contains(s[index]) {
                fraction.append(Character(Unicode.Scalar(s[index])))
                index += 1
            }
        }
        var offset = 0
        if index < s.count, s[index] != UInt8(ascii: "Z"), let hours = number(index + 1..<index + 3),
           let minutes = number(index + 4..<index + 6)
        {
            offset = (hours * 3600 + minutes * 60) * (s[index] == UInt8(ascii: "-") ? -1 : 1)
        }
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        let trimmed = String(fraction.reversed().drop { $0 == "0" }.reversed())
        if trimmed.isEmpty { return "\(seconds)" }
        // Before 1970 the fraction still counts forwards: -100 and .5 is -99.5, not -100.5.
        return seconds >= 0 ? "\(seconds).\(trimmed)" : "\(seconds) + 0.\(trimmed)"
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
