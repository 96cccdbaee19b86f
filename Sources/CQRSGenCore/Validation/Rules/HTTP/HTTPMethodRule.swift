/// A route's method and status fit its operation: a command changes something, so GET (which clients, caches and
/// crawlers repeat freely) cannot serve it; a 204 answer has no body, so it cannot carry a result unless the route drops
/// it (`response: none`); a result answered under a member needs a result, and a member named like a field.
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
            if let status = http.status, status.value == 204, let result = operation.result, http.answersBody(hasResult: true) {
                diagnostics.append(.error(
                    "the route of \(operation.roleName) '\(operation.name)' answers 204 No Content, but the operation returns '\(result.text)'; "
                        + "add 'response: none' to drop it",
                    at: status.location, notes: [.init("the result is declared here", at: result.location)]))
            }
            if let response = http.response {
                switch response.value {
                case .member(let member, _) where operation.result == nil:
                    diagnostics.append(.error(
                        "the route of \(operation.roleName) '\(operation.name)' puts the result under '\(member.value)', but the operation returns none",
                        at: member.location))
                case .member(let member, let fixed):
                    for name in [member] + fixed.map(\.name) where !SwiftIdentifier.isLowerCamelCase(name.value) {
                        diagnostics.append(.error(
                            "the member '\(name.value)' the route of \(operation.roleName) '\(operation.name)' answers with must be lowerCamelCase, "
                                + "like a field; the configuration's 'http.wireNames' spells it on the wire",
                            at: name.location))
                    }
                    for text in fixed where text.name.value == member.value {
                        diagnostics.append(.error(
                            "the member '\(member.value)' of the route of \(operation.roleName) '\(operation.name)' holds the result; "
                                + "a text under 'with' cannot take its name",
                            at: text.name.location))
                    }
                default:
                    break
                }
            }
            return diagnostics
        }
    }
}
