/// The decoder's working state: the diagnostics found so far, and helpers that read one shape of node each,
/// reporting a located error (and returning nil) when the node has another shape.
struct DecodingContext {
    var diagnostics: [Diagnostic] = []
    /// Every type spelling parsed so far, so that references that spell a type the same way share one parse.
    private var writtenTypes: [String: Shared<TypeReference.Written>] = [:]
    /// The dependency names handlers have listed so far: a spec declares a few dozen dependencies and lists them tens
    /// of thousands of times, and each listing kept a copy of its own.
    private var names: Set<String> = []

    /// `name`, or the copy of it kept already. A name of 15 bytes or fewer is stored inline and never copied.
    mutating func interned(_ name: String) -> String {
        name.utf8.count <= 15 ? name : names.insert(name).memberAfterInsert
    }

    mutating func error(_ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: location, notes: notes))
    }

    /// The entries of a mapping; an empty value counts as an empty mapping, so `fields:` alone means "none".
    mutating func mapping(_ node: YAMLNode, _ what: @autoclosure () -> String, expected: String = "a mapping") -> YAMLMapping? {
        switch node.content {
        case .mapping(let entries): return entries
        case .scalar(let scalar) where scalar.isNull: return .empty
        default:
            error("\(what()) must be \(expected), not \(node.kindDescription)", at: node.location)
            return nil
        }
    }

    /// The items of a list; an empty value counts as an empty list.
    mutating func sequence(_ node: YAMLNode, _ what: @autoclosure () -> String, expected: String = "a list") -> YAMLSequence? {
        switch node.content {
        case .sequence(let items): return items
        case .scalar(let scalar) where scalar.isNull: return .empty
        default:
            error("\(what()) must be \(expected), not \(node.kindDescription)", at: node.location)
            return nil
        }
    }

    /// A non-empty scalar's text.
    mutating func scalar(_ node: YAMLNode, _ what: @autoclosure () -> String, expected: String = "a string") -> YAMLScalar? {
        guard let scalar = node.scalar else {
            error("\(what()) must be \(expected), not \(node.kindDescription)", at: node.location)
            return nil
        }
        guard !scalar.isNull else {
            error("\(what()) must be \(expected), but it is empty", at: node.location)
            return nil
        }
        return scalar
    }

    /// Prose for documentation comments: any non-empty scalar, with a block scalar's final line break removed.
    mutating func text(_ node: YAMLNode, _ what: @autoclosure () -> String) -> String? {
        guard let scalar = scalar(node, what(), expected: "text") else { return nil }
        // Most text ends in a letter or a full stop: it is kept as read, not copied.
        guard let last = scalar.value.last, last.isWhitespace else { return scalar.value }
        var value = Substring(scalar.value)
        while let last = value.last, last.isWhitespace { value = value.dropLast() }
        return String(value)
    }

    /// `true` or `false`, written plainly. YAML 1.1's `yes`, `no`, `on` and `off` are refused: in YAML 1.2 they are
    /// strings, and a reader should not have to know which YAML a file was written for.
    mutating func bool(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Bool? {
        guard let scalar = scalar(node, what(), expected: "true or false") else { return nil }
        if scalar.style == .plain {
            switch scalar.value {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        error("\(what()) must be true or false, not '\(scalar.value)'", at: scalar.location)
        return nil
    }

    mutating func integer(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Int? {
        guard let scalar = scalar(node, what(), expected: "a whole number") else { return nil }
        guard scalar.style == .plain, let value = Int(scalar.value) else {
            error("\(what()) must be a whole number, not '\(scalar.value)'", at: scalar.location)
            return nil
        }
        return value
    }

    /// One of a fixed set of words, with a "did you mean" for a near miss.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ what: @autoclosure () -> String, of _: Choice.Type)
        -> Choice? where Choice.RawValue == String
    {
        if let scalar = node.scalar, !scalar.isNull, let choice = Choice(rawValue: scalar.value) { return choice }
        let allowed = Choice.allCases.map(\.rawValue)
        let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
        guard let scalar = scalar(node, what(), expected: "one of \(list)") else { return nil }
        error(
            "\(what()) must be one of \(list), not '\(scalar.value)'" + Suggestion.didYouMean(scalar.value, among: allowed),
            at: scalar.location)
        return nil
    }

    /// A list of non-empty scalars, each with its position.
    mutating func stringList(_ node: YAMLNode, _ what: @autoclosure () -> String, itemDescription: String) -> [Located<String>]? {
        guard let items = sequence(node, what(), expected: "a list of \(itemDescription)") else { return nil }
        return items.compactMap { item in
            scalar(item, "each item of \(what())", expected: itemDescription).map { Located($0.value, at: $0.location) }
        }
    }

    /// Reports every key of a mapping that is not one of `allowed`, suggesting the nearest allowed key. `misplaced`
    /// explains keys that are valid elsewhere (`paginated` on a command, say) better than a suggestion would.
    mutating func checkKeys(
        of entries: YAMLMapping, in what: @autoclosure () -> String, allowed: [String], misplaced: [String: String] = [:]
    ) {
        for entry in entries where !allowed.contains(where: entry.hasKey) {
            let key = entry.key.value
            if let explanation = misplaced[key] {
                error("'\(key)' is not allowed in \(what()): \(explanation)", at: entry.key.location)
            } else {
                let expected = allowed.map { "'\($0)'" }.joined(separator: ", ")
                let suggestion = Suggestion.closest(to: key, among: allowed)
                // `{type: String, description: One, two}` reads as a key `two`: YAML ends a flow value at a comma.
                let commaHint = key.contains(" ") && entry.value.scalar?.isNull == true
                    ? " (a comma inside '{…}' ends a value: quote text that contains commas)" : ""
                error(
                    "unknown key '\(key)' in \(what())"
                        + (suggestion.map { "; did you mean '\($0)'?" } ?? "; expected \(expected)") + commaHint,
                    at: entry.key.location)
            }
        }
    }

    /// A type written as a scalar, parsed by the type grammar. A syntax error is reported at the exact column when
    /// the text is verbatim (on one line, without escapes); otherwise at the scalar's start, which is then the only
    /// position known to lie on the text.
    mutating func typeReference(_ node: YAMLNode, _ what: @autoclosure () -> String) -> TypeReference? {
        guard let scalar = scalar(node, what(), expected: "a type") else { return nil }
        if let written = writtenTypes[scalar.value] {
            return TypeReference(written, at: scalar.location)
        }
        switch TypeExpressionParser.parse(scalar.value) {
        case .success(let expression):
            let reference = TypeReference(text: scalar.value, expression: expression, at: scalar.location)
            writtenTypes[scalar.value] = reference.sharedWritten
            return reference
        case .failure(let failure):
            var location = scalar.location
            if scalar.isVerbatim {
                switch scalar.style {
                case .plain: location.column += failure.offset
                case .singleQuoted, .doubleQuoted: location.column += failure.offset + 1
                case .literal, .folded: break
                }
            }
            error("invalid type '\(scalar.value)' for \(what()): \(failure.message)", at: location)
            return TypeReference(text: scalar.value, expression: nil, at: scalar.location)
        }
    }
}
