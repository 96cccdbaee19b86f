/// A rate limit counts by something every request of its route carries: a limit by caller needs a route that requires
/// one, and a limit by field names a field the request sets.
public struct HTTPRateLimitRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        index.operations.flatMap { operation -> [Diagnostic] in
            guard let http = operation.http else { return [] }
            let what = "a rate limit of the route of \(operation.roleName) '\(operation.name)'"
            return http.rateLimits.compactMap { limit -> Diagnostic? in
                switch limit.value.key {
                case .address:
                    return nil
                case .caller:
                    guard !http.auth.value.requiresCaller else { return nil }
                    return .error(
                        "\(what) counts by caller, but the route is public: there is no caller; count by address",
                        at: limit.location, notes: [.init("the route is made public here", at: http.auth.location)])
                case .field(let name):
                    let names = operation.fields.map(\.name)
                    guard let source = http.sources(of: operation.fields).first(where: { $0.field.name == name })?.source else {
                        return .error(
                            "\(what) counts by field '\(name)', which is not one of its fields" + Suggestion.didYouMean(name, among: names),
                            at: limit.location)
                    }
                    guard source != .default else {
                        return .error(
                            "\(what) counts by field '\(name)', which the request does not set: it is bound to 'default'",
                            at: limit.location)
                    }
                    return nil
                }
            }
        }
    }
}
