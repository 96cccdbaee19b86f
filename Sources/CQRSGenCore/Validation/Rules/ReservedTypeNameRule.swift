/// A declared name may not be a Swift keyword (`Self`, `Any`, `Type`, `Protocol`), shadow a built-in type the spec
/// can use (`String`, `UUID`, …), or take a name the generated code declares or uses unqualified (``GeneratedNames``):
/// each would make the generated code mean something else or not compile. (The handler protocol generated for each
/// operation, `<Operation>Handling`, is ``UniqueDeclarationRule``'s.) A field of an operation or an event may not take
/// the name of a member the generated type declares.
public struct ReservedTypeNameRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var declared: [(name: String, location: SourceLocation)] =
            spec.types.map { ($0.name, $0.location) }
            + index.operations.map { ($0.name, $0.location) }
            + spec.dependencies.map { ($0.typeName, $0.location) }
            + spec.events.map { ($0.name, $0.location) }
        declared += index.operations.filter(\.handler.isNameExplicit).map { ($0.handler.name.value, $0.handler.name.location) }
        var diagnostics = declared.compactMap { name, location -> Diagnostic? in
            if SwiftIdentifier.reservedTypeNames.contains(name) {
                return .error("'\(name)' is reserved in Swift and cannot name a declared type", at: location)
            }
            if BuiltinTypes.all[name] != nil {
                return .error("'\(name)' would shadow the built-in type '\(name)'; choose another name", at: location)
            }
            if GeneratedNames.reserved.contains(name) {
                return .error(
                    "'\(name)' is a name the generated code declares or uses from CQRS, Swift or Foundation; choose another name",
                    at: location)
            }
            return nil
        }
        for reference in index.fields {
            let members = switch reference.owner {
            case .command, .query: GeneratedNames.operationMembers
            case .event: GeneratedNames.eventMembers
            case .type: [String]()
            }
            guard members.contains(reference.field.name) else { continue }
            diagnostics.append(.error(
                "field '\(reference.field.name)' of \(reference.ownerDescription) would collide with the member the generated type "
                    + "declares under that name; choose another name",
                at: reference.field.location))
        }
        return diagnostics
    }
}
