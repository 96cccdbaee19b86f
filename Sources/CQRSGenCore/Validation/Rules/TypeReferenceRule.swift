/// Every type a field or result names must be known: a built-in Swift or Foundation type, or a declared type,
/// possibly inside optionals, arrays and dictionaries.
public struct TypeReferenceRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var references: [(reference: TypeReference, what: String)] = spec.allFields.map { field, owner in
            (field.type, "field '\(field.name)' of \(owner)")
        }
        references += spec.operations.compactMap { operation in
            operation.result.map { ($0, "the result of \(operation.roleName) '\(operation.name)'") }
        }
        let candidates = index.knownTypeNames
        var diagnostics: [Diagnostic] = []
        for (reference, what) in references {
            for name in reference.expression?.referencedNames ?? [] where !index.isKnownType(name) {
                diagnostics.append(.error(
                    "unknown type '\(name)' in \(what)" + Suggestion.didYouMean(name, among: candidates),
                    at: reference.location))
            }
        }
        return diagnostics
    }
}
