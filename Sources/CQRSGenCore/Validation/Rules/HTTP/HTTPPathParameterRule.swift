/// Every `{parameter}` of a route names one of its operation's fields: the path is where that field comes from, and
/// a parameter with no field would be read and thrown away.
public struct HTTPPathParameterRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        index.operations.flatMap { operation -> [Diagnostic] in
            guard let http = operation.http else { return [] }
            let names = operation.fields.map(\.name)
            return http.pathParameters.compactMap { parameter in
                guard !names.contains(parameter.value) else { return nil }
                return .error(
                    "path parameter '{\(parameter.value)}' of \(operation.roleName) '\(operation.name)' names no field"
                        + Suggestion.didYouMean(parameter.value, among: names),
                    at: parameter.location,
                    notes: [.init("the fields of '\(operation.name)' are declared here", at: operation.location)])
            }
        }
    }
}
