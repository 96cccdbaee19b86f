/// Each handler serves exactly one operation. Dashtam registered one placeholder handler for three session
/// commands it could not handle; the registry looked complete and the commands could never run.
public struct HandlerUniquenessRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        Duplicates.of(index.operations, by: \.handler.name.value).map { earlier, operation in
            let handler = operation.handler.name
            return .error(
                "handler '\(handler.value)' already serves \(earlier.roleName) '\(earlier.name)'; each handler serves exactly one operation, so give \(operation.roleName) '\(operation.name)' its own",
                at: handler.location,
                notes: [.init("'\(handler.value)' is named for '\(earlier.name)' here", at: earlier.handler.name.location)])
        }
    }
}
