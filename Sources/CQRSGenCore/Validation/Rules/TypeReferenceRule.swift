/// Every type a field or result names must be known: a built-in Swift or Foundation type, or a declared type,
/// possibly inside optionals, arrays and dictionaries.
public struct TypeReferenceRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        let candidates = index.knownTypeNames
        var diagnostics: [Diagnostic] = []
        func check(_ reference: TypeReference, _ what: @autoclosure () -> String) {
            for name in reference.expression?.referencedNames ?? [] where !index.isKnownType(name) {
                diagnostics.append(.error(
                    "unknown type '\(name)' in \(what())" + Suggestion.didYouMean(name, among: candidates),
                    at: reference.location))
            }
        }
        for reference in index.fields {
            check(reference.field.type, "field '\(reference.field.name)' of \(reference.ownerDescription)")
        }
        for operation in index.operations {
            if let result = operation.result { check(result, "the result of \(operation.roleName) '\(operation.name)'") }
        }
        return diagnostics
    }
}
