import CQRS

/// When the spec declares its failure codes (`errors`), every code a route maps to a status is one of them, or one
/// the runtime fails with itself (`unavailable`), and no two codes are one case in Swift: the generated
/// `OperationErrorCode` has a case per code, and a route's code that no handler can answer with typed would be a
/// status no request ever gets.
public struct ErrorCodeRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        guard spec.declaresErrors else { return [] }
        var diagnostics: [Diagnostic] = []
        var cases: [String: String] = [:]
        for error in spec.errorCodes {
            let name = SwiftIdentifier.lowerCamelCased(error.code)
            if let first = cases[name] {
                diagnostics.append(.error(
                    "error codes '\(first)' and '\(error.code)' are both '\(name)' in Swift; rename one", at: error.location))
            } else {
                cases[name] = error.code
            }
        }
        let codes = spec.errorCodes.map(\.code)
        for operation in index.operations {
            for error in operation.http?.errors ?? []
            where index.errorCodes[error.code.value] == nil && !OperationError.runtimeCodes.contains(error.code.value) {
                let hint = Suggestion.closest(to: error.code.value, among: codes).map { "; did you mean '\($0)'?" }
                    ?? "; declare it under 'errors'"
                diagnostics.append(.error(
                    "unknown error code '\(error.code.value)' in the route of \(operation.roleName) '\(operation.name)'\(hint)",
                    at: error.code.location))
            }
        }
        return diagnostics
    }
}
