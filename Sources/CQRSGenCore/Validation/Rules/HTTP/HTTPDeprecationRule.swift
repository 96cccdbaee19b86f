/// A deprecated route's replacement is another operation of the spec, one with a route of its own.
public struct HTTPDeprecationRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        let names = index.operations.map(\.name)
        return index.operations.compactMap { operation -> Diagnostic? in
            guard let replacement = operation.http?.deprecation?.value else { return nil }
            let what = "the replacement of deprecated \(operation.roleName) '\(operation.name)'"
            guard let target = index.operations.first(where: { $0.name == replacement.value }) else {
                return .error(
                    "\(what) is '\(replacement.value)', which is not an operation" + Suggestion.didYouMean(replacement.value, among: names),
                    at: replacement.location)
            }
            if target.name == operation.name {
                return .error("\(what) is the operation itself", at: replacement.location)
            }
            if target.http == nil {
                return .error(
                    "\(what) is '\(target.name)', which has no route: clients could not move to it",
                    at: replacement.location, notes: [.init("'\(target.name)' is declared here", at: target.location)])
            }
            return nil
        }
    }
}
