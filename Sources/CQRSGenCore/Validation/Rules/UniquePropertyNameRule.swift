/// Each dependency becomes a property of its scope and an argument label of handler initialisers, so two
/// dependencies may not share a property name, nor take the name of the events value a handler publishes through.
public struct UniquePropertyNameRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // With declared events, a command's handler takes its events value under this name.
        if spec.declaresEvents {
            let publishers = Set(spec.commands.filter(\.listsEvents).flatMap { $0.handler.dependencies.map(\.value) })
            for dependency in spec.dependencies
            where dependency.propertyName.value == HandlersFile.eventsMember && publishers.contains(dependency.typeName) {
                diagnostics.append(.error(
                    "dependency '\(dependency.typeName)' uses the property name '\(HandlersFile.eventsMember)', which the handlers of commands "
                        + "that list events take their events through; give it another 'name'",
                    at: dependency.propertyName.location))
            }
        }
        return diagnostics + Duplicates.of(spec.dependencies, by: \.propertyName.value).map { earlier, dependency in
            let name = dependency.propertyName.value
            return .error(
                "dependencies '\(earlier.typeName)' and '\(dependency.typeName)' both use the property name '\(name)'; give one of them another 'name'",
                at: dependency.propertyName.location,
                notes: [.init("'\(earlier.typeName)' uses '\(name)' here", at: earlier.propertyName.location)])
        }
    }
}
