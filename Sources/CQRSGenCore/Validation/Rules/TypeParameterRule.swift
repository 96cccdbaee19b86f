/// A generic type's parameters are distinct, and none takes the name of a declared or built-in type, which it would
/// hide inside the type; each is used by a field, or the type needs no parameter.
public struct TypeParameterRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        spec.types.flatMap { type -> [Diagnostic] in
            var diagnostics = Duplicates.of(type.parameters, by: \.value).map { first, repeated in
                Diagnostic.error(
                    "type parameter '\(repeated.value)' of '\(type.name)' is declared twice", at: repeated.location,
                    notes: [.init("'\(first.value)' is first declared here", at: first.location)])
            }
            let used = Set(type.fields.flatMap { $0.type.expression?.referencedNames ?? [] })
            for parameter in type.parameters {
                if index.isKnownType(parameter.value) {
                    diagnostics.append(.error(
                        "type parameter '\(parameter.value)' of '\(type.name)' would hide the type '\(parameter.value)'; choose another name",
                        at: parameter.location))
                } else if !used.contains(parameter.value) {
                    diagnostics.append(.warning(
                        "type parameter '\(parameter.value)' of '\(type.name)' is declared but no field uses it", at: parameter.location))
                }
            }
            return diagnostics
        }
    }
}
