/// What the spec declares about each event is well formed: its workflow and category in snake case, an audit action in
/// upper snake case, every `secret` naming one of its fields, and no field of a failed phase named `failureCode`,
/// which that phase carries already.
public struct EventDeclarationRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A three-phase entry's workflow, category and shared secrets reach each of its phases: report each once.
        var reported: Set<SourceLocation> = []
        func report(_ message: @autoclosure () -> String, at location: SourceLocation) {
            guard reported.insert(location).inserted else { return }
            diagnostics.append(.error(message(), at: location))
        }
        for event in spec.events {
            let what = "event '\(event.name)'"
            if !SwiftIdentifier.isSnakeCase(event.workflow.value) {
                report(
                    "workflow '\(event.workflow.value)' of \(what) must be lowercase snake_case, like '\(SwiftIdentifier.snakeCased(event.workflow.value))'",
                    at: event.workflow.location)
            }
            if let category = event.category, !SwiftIdentifier.isSnakeCase(category.value) {
                report(
                    "category '\(category.value)' of \(what) must be lowercase snake_case (letters, digits and '_', starting with a letter)",
                    at: category.location)
            }
            if case .action(let action) = event.audit, !Self.isAuditAction(action.value) {
                report(
                    "audit action '\(action.value)' of \(what) must be upper snake case (like 'USER_REGISTERED'), or true or false",
                    at: action.location)
            }
            let fieldNames = event.fields.map(\.name)
            for secret in event.secretFields where !fieldNames.contains(secret.value) {
                report(
                    "'secret' of \(what) names '\(secret.value)', which is not one of its fields"
                        + Suggestion.didYouMean(secret.value, among: fieldNames),
                    at: secret.location)
            }
            let declaredFields = event.phase == .failed && event.workflowEntry != nil ? event.fields.dropLast() : event.fields[...]
            for (earlier, field) in Duplicates.of(Array(declaredFields), by: \.name) where reported.insert(field.location).inserted {
                diagnostics.append(.error(
                    "field '\(field.name)' of \(what) is declared twice", at: field.location,
                    notes: [.init("'\(field.name)' is first declared here", at: earlier.location)]))
            }
            if event.phase == .failed, event.workflowEntry != nil {
                for field in event.fields.dropLast() where field.name == EventSpec.failureCodeField {
                    report(
                        "field '\(field.name)' of \(what) is declared already: a failed phase carries '\(EventSpec.failureCodeField)', the code of the failure",
                        at: field.location)
                }
            }
        }
        return diagnostics
    }

    static func isAuditAction(_ name: String) -> Bool {
        guard let first = name.utf8.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}
