/// A field bound to the caller comes from the authenticated caller, so its route must require one: on a public route
/// there is no caller to read. A field bound to the caller's id is a `String` or a `UUID`; one bound to a claim
/// (`{caller: sessionId}`) holds a single value, read from the claim's text.
public struct HTTPCallerRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        index.operations.flatMap { operation -> [Diagnostic] in
            guard let http = operation.http else { return [] }
            return http.fields.filter { $0.source.value == .caller }.compactMap { binding -> Diagnostic? in
                let what = "field '\(binding.field.value)' of \(operation.roleName) '\(operation.name)'"
                let claim = binding.wireName?.value
                if !http.auth.value.requiresCaller {
                    return .error(
                        "\(what) is bound to the caller\(claim.map { "'s claim '\($0)'" } ?? ""), but its route is public: there is no caller",
                        at: binding.source.location, notes: [.init("the route is made public here", at: http.auth.location)])
                }
                guard let field = operation.fields.first(where: { $0.name == binding.field.value }),
                      let type = field.type.expression else { return nil }
                if let claim {
                    guard HTTPFieldSourceRule.isSingleValue(type, in: index, allowingOptional: true) else {
                        return .error(
                            "\(what) is bound to the caller's claim '\(claim)', which is text: '\(field.type.text)' cannot be read from it",
                            at: field.type.location)
                    }
                    return nil
                }
                guard type.description == "String" || type.description == "UUID" else {
                    return .error(
                        "\(what) is bound to the caller, so it holds the caller's id: 'String' or 'UUID', not '\(field.type.text)'",
                        at: field.type.location)
                }
                return nil
            }
        }
    }
}
