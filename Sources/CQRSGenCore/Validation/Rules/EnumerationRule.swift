/// An enumeration needs at least one case (Swift rejects a raw type on an empty enum) and distinct raw values
/// (two cases encoded alike could not be told apart when decoding).
public struct EnumerationRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        spec.types.flatMap { type -> [Diagnostic] in
            guard case .enumeration(let cases) = type.body else { return [] }
            let empty: [Diagnostic] = cases.isEmpty ? [.error("enumeration '\(type.name)' has no cases", at: type.location)] : []
            return empty + Duplicates.of(cases, by: \.rawValue).map { earlier, enumCase in
                .error(
                    "cases '\(earlier.name)' and '\(enumCase.name)' of '\(type.name)' have the same raw value '\(enumCase.rawValue)'",
                    at: enumCase.location, notes: [.init("'\(earlier.name)' is declared here", at: earlier.location)])
            }
        }
    }
}
