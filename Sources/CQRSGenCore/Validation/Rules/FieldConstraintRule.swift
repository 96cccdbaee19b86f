/// A field's constraints fit its type and each other: lengths, a pattern and a format for text, bounds for numbers
/// (whole ones for whole numbers), item counts for lists, each lower bound at most its upper one, and a pattern that
/// compiles. Only the fields of commands and queries take them: those are checked before their handler runs.
public struct FieldConstraintRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        index.fields.flatMap { reference -> [Diagnostic] in
            let constraints = reference.field.constraints
            guard !constraints.isEmpty || constraints.message != nil else { return [] }
            let field = reference.field
            let what = "field '\(field.name)' of \(reference.ownerDescription)"
            guard reference.owner == .command || reference.owner == .query else {
                let first = Self.locations(constraints).first ?? field.location
                return [.error(
                    "\(what) has constraints, which only the fields of commands and queries take: they are checked before the handler runs",
                    at: first)]
            }
            if constraints.isEmpty, let message = constraints.message {
                return [.error("\(what) has a 'message' but no constraint for it to explain", at: message.location)]
            }
            guard let type = field.type.expression else { return [] }
            var unwrapped = type
            if case .optional(let wrapped) = type { unwrapped = wrapped }
            let typeName = unwrapped.description
            var diagnostics: [Diagnostic] = []
            func refuse(_ key: String, _ location: SourceLocation, _ applies: String) {
                diagnostics.append(.error("'\(key)' of \(what) applies to \(applies), not '\(field.type.text)'", at: location))
            }
            let isText = typeName == "String"
            let literal = BuiltinTypes.all[typeName]
            let isWhole: Bool = switch literal {
            case .integer, .unsignedInteger: true
            default: false
            }
            let isNumber = isWhole || literal == .floatingPoint
            let isList = if case .array = unwrapped { true } else { false }
            for (key, located) in [("minLength", constraints.minLength), ("maxLength", constraints.maxLength)] {
                if let located, !isText { refuse(key, located.location, "text ('String')") }
            }
            if let pattern = constraints.pattern {
                if !isText {
                    refuse("pattern", pattern.location, "text ('String')")
                } else {
                    do {
                        _ = try Regex(pattern.value)
                    } catch {
                        diagnostics.append(.error(
                            "'pattern' of \(what) is not a regular expression: \(String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " "))",
                            at: pattern.location))
                    }
                }
            }
            if let format = constraints.format, !isText { refuse("format", format.location, "text ('String')") }
            for (key, located) in [("minimum", constraints.minimum), ("maximum", constraints.maximum)] {
                guard let located else { continue }
                if !isNumber {
                    refuse(key, located.location, "numbers")
                } else if isWhole, Int(located.value) == nil {
                    diagnostics.append(.error(
                        "'\(key)' of \(what) must be a whole number, as '\(typeName)' is, not '\(located.value)'", at: located.location))
                }
            }
            for (key, located) in [("minItems", constraints.minItems), ("maxItems", constraints.maxItems)] {
                if let located, !isList { refuse(key, located.location, "lists") }
            }
            func ordered(_ low: Located<Int>?, _ high: Located<Int>?, _ lowKey: String, _ highKey: String) {
                guard let low, let high, low.value > high.value else { return }
                diagnostics.append(.error(
                    "'\(lowKey)' of \(what) is \(low.value), more than its '\(highKey)', \(high.value): no value could pass",
                    at: low.location, notes: [.init("'\(highKey)' is here", at: high.location)]))
            }
            ordered(constraints.minLength, constraints.maxLength, "minLength", "maxLength")
            ordered(constraints.minItems, constraints.maxItems, "minItems", "maxItems")
            if let low = constraints.minimum, let high = constraints.maximum, let lowValue = Double(low.value),
               let highValue = Double(high.value), lowValue > highValue {
                diagnostics.append(.error(
                    "'minimum' of \(what) is \(low.value), more than its 'maximum', \(high.value): no value could pass",
                    at: low.location, notes: [.init("'maximum' is here", at: high.location)]))
            }
            return diagnostics
        }
    }

    /// Where each constraint is written, in the order of the keys.
    static func locations(_ constraints: FieldConstraints) -> [SourceLocation] {
        [
            constraints.minLength?.location, constraints.maxLength?.location, constraints.pattern?.location,
            constraints.format?.location, constraints.minimum?.location, constraints.maximum?.location,
            constraints.minItems?.location, constraints.maxItems?.location, constraints.message?.location,
        ].compactMap { $0 }
    }
}
