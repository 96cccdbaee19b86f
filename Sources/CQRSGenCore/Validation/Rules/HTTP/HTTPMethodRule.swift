/// A route's method and status fit its operation: a command changes something, so GET (which clients, caches and
/// crawlers repeat freely) cannot serve it; a 204 answer has no body, so it cannot carry a result.
public struct HTTPMethodRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        index.operations.flatMap { operation -> [Diagnostic] in
            guard let http = operation.http else { return [] }
            var diagnostics: [Diagnostic] = []
            if operation.isCommand, http.method.value == .get {
                diagnostics.append(.error(
                    "command '\(operation.name)' cannot be served by GET, which must not change anything; use POST, PUT, PATCH or DELETE",
                    at: http.method.location))
            }
            if let status = http.status, status.value == 204, let result = operation.result {
                diagnostics.append(.error(
                    "the route of \(operation.roleName) '\(operation.name)' answers 204 No Content, but the operation returns '\(result.text)'",
                    at: status.location, notes: [.init("the result is declared here", at: result.location)]))
            }
            return diagnostics
        }
    }
}
