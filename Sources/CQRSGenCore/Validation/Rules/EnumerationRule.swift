/// An enumeration needs at least one case (Swift rejects a raw type on an empty enum) and distinct raw values
/// (two cases encoded alike could not be told apart when decoding).
public struct EnumerationRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for type in spec.types {
            guard case .enumeration(let cases) = type.body else { continue }
            if cases.isEmpty {
                diagnostics.append(.error("enumeration '\(type.name)' has no cases", at: type.location))
            }
            var first: [String: EnumCaseSpec] = [:]
            for enumCase in cases {
                if let earlier = first[enumCase.rawValue] {
                    diagnostics.append(.error(
                        "cases '\(earlier.name)' and '\(enumCase.name)' of '\(type.name)' have the same raw value '\(enumCase.rawValue)'",
                        at: enumCase.location, notes: [.init("'\(earlier.name)' is declared here", at: earlier.location)]))
                } else {
                    first[enumCase.rawValue] = enumCase
                }
            }
        }
        return diagnostics
    }
}
