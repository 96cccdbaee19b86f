/// Each dependency becomes a property of its scope and an argument label of handler initialisers, so two
/// dependencies may not share a property name.
public struct UniquePropertyNameRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        Duplicates.of(spec.dependencies, by: \.propertyName.value).map { earlier, dependency in
            let name = dependency.propertyName.value
            return .error(
                "dependencies '\(earlier.typeName)' and '\(dependency.typeName)' both use the property name '\(name)'; give one of them another 'name'",
                at: dependency.propertyName.location,
                notes: [.init("'\(earlier.typeName)' uses '\(name)' here", at: earlier.propertyName.location)])
        }
    }
}
