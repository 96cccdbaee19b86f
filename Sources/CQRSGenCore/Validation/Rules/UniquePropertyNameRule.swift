/// Each dependency becomes a property of its scope and an argument label of handler initialisers, so two
/// dependencies may not share a property name.
public struct UniquePropertyNameRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var first: [String: DependencySpec] = [:]
        var diagnostics: [Diagnostic] = []
        for dependency in spec.dependencies {
            let name = dependency.propertyName.value
            if let earlier = first[name] {
                diagnostics.append(.error(
                    "dependencies '\(earlier.typeName)' and '\(dependency.typeName)' both use the property name '\(name)'; give one of them another 'name'",
                    at: dependency.propertyName.location,
                    notes: [.init("'\(earlier.typeName)' uses '\(name)' here", at: earlier.propertyName.location)]))
            } else {
                first[name] = dependency
            }
        }
        return diagnostics
    }
}
