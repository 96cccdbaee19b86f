/// A declared name may not be a Swift keyword (`Self`, `Any`, `Type`, `Protocol`), shadow a built-in type the spec
/// can use (`String`, `UUID`, …), or take a name the generated code declares or imports: each would make the
/// generated code mean something else or not compile.
public struct ReservedTypeNameRule: ValidationRule {
    public init() {}

    /// Types every generated file declares or uses from the `CQRS` runtime: a spec type with one of these names
    /// would collide with it or hide it.
    public static let generatedNames: Set<String> = [
        "HandlerFactory", "HandlerOverrides", "RequestDependencies", "AppDependencies", "OperationCategory",
        "DomainEventName", "OperationRegistry",
        "Command", "Query", "CommandHandler", "QueryHandler", "OperationError", "CachePolicy", "SpecLocation",
        "CommandMetadata", "QueryMetadata", "Registry", "RegistryCategory", "RegistryStatistics",
    ]

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var declared: [(name: String, location: SourceLocation)] =
            spec.types.map { ($0.name, $0.location) }
            + index.operations.map { ($0.name, $0.location) }
            + spec.dependencies.map { ($0.typeName, $0.location) }
        declared += index.operations.filter(\.handler.isNameExplicit).map { ($0.handler.name.value, $0.handler.name.location) }
        return declared.compactMap { name, location in
            if SwiftIdentifier.reservedTypeNames.contains(name) {
                return .error("'\(name)' is reserved in Swift and cannot name a declared type", at: location)
            }
            if BuiltinTypes.all[name] != nil {
                return .error("'\(name)' would shadow the built-in type '\(name)'; choose another name", at: location)
            }
            if Self.generatedNames.contains(name) {
                return .error("'\(name)' is a name cqrs-gen generates or imports from CQRS; choose another name", at: location)
            }
            return nil
        }
    }
}
