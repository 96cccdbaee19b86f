/// No two operations share a method and a path: a server could serve only one of them. Paths that differ only in
/// their parameters' names (`/items/{id}` and `/items/{itemId}`) are the same route.
public struct HTTPRouteUniquenessRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var first: [String: OperationSpec] = [:]
        var diagnostics: [Diagnostic] = []
        for operation in index.operations {
            guard let http = operation.http else { continue }
            let key = http.method.value.rawValue + " " + http.routeShape
            if let earlier = first[key], let earlierRoute = earlier.http {
                diagnostics.append(.error(
                    "\(operation.roleName) '\(operation.name)' has the route \(http.method.value.rawValue) \(http.path.value), "
                        + "which \(earlier.roleName) '\(earlier.name)' already has",
                    at: http.method.location, notes: [.init("'\(earlier.name)' is routed here", at: earlierRoute.method.location)]))
            } else {
                first[key] = operation
            }
        }
        return diagnostics
    }
}
