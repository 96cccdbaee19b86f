/// No two operations share a method and a path, unless the request's parameters choose between them: a route with
/// `when` is chosen when the request carries any of the fields it names, and the one route without it answers
/// otherwise. Paths that differ only in their parameters' names (`/items/{id}` and `/items/{itemId}`) are the same
/// route; routes that share one must spell it alike, since one server route serves them all.
public struct HTTPRouteUniquenessRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        HTTPBindingSpec.routeGroups(of: index.operations).flatMap { problems(in: $0, wireNames: spec.conventions.wireNames) }
    }

    private func problems(
        in routes: [(operation: OperationSpec, http: HTTPBindingSpec)], wireNames: GeneratorOptions.WireNames
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let first = routes[0]
        let route = "\(first.http.method.value.rawValue) \(first.http.path.value)"
        if routes.count == 1 {
            if let when = first.http.when.first {
                diagnostics.append(.error(
                    "the route of \(first.operation.roleName) '\(first.operation.name)' is chosen by 'when', but no other route is "
                        + "\(route): leave 'when' out",
                    at: when.location))
            }
            return diagnostics
        }
        let fallbacks = routes.filter { $0.http.when.isEmpty }
        for duplicate in fallbacks.dropFirst() {
            let earlier = fallbacks[0]
            diagnostics.append(.error(
                "\(duplicate.operation.roleName) '\(duplicate.operation.name)' has the route \(duplicate.http.method.value.rawValue) "
                    + "\(duplicate.http.path.value), which \(earlier.operation.roleName) '\(earlier.operation.name)' already has",
                at: duplicate.http.method.location,
                notes: [.init("'\(earlier.operation.name)' is routed here", at: earlier.http.method.location)]))
        }
        if fallbacks.isEmpty {
            diagnostics.append(.error(
                "every route \(route) is chosen by 'when', so a request with none of their fields has no route; "
                    + "leave 'when' out of the one that answers it",
                at: first.http.method.location))
        }
        // A duplicate has its error; the spelling of its path is beside the point.
        let duplicates = Set(fallbacks.dropFirst().map(\.operation.name))
        // By where the request carries it, as the server reads it: two fields by the same name on the wire are one.
        var chosenBy: [String: (operation: OperationSpec, at: SourceLocation)] = [:]
        for (operation, http) in routes {
            let what = "\(operation.roleName) '\(operation.name)'"
            if http.path.value != first.http.path.value, !duplicates.contains(operation.name) {
                diagnostics.append(.error(
                    "\(what) shares its route with \(first.operation.roleName) '\(first.operation.name)', so it must name its "
                        + "parameters alike: '\(first.http.path.value)'",
                    at: http.path.location, notes: [.init("'\(first.operation.name)' is routed here", at: first.http.path.location)]))
            }
            let names = operation.fields.map(\.name)
            for name in http.when {
                guard let field = operation.fields.first(where: { $0.name == name.value }) else {
                    diagnostics.append(.error(
                        "'when' of the route of \(what) names '\(name.value)', which is not one of its fields"
                            + Suggestion.didYouMean(name.value, among: names),
                        at: name.location))
                    continue
                }
                let source = http.sources(of: [field])[0].source
                guard source == .query || source == .header else {
                    diagnostics.append(.error(
                        "'when' of the route of \(what) names '\(name.value)', which comes from the \(source.rawValue); "
                            + "a route is chosen by a query parameter or a header",
                        at: name.location))
                    continue
                }
                let wire = http.wireName(of: field.name, source: source, wireNames: wireNames)
                let key = source == .header ? "header " + wire.lowercased() : "query " + wire
                if let earlier = chosenBy[key], earlier.operation.name != operation.name {
                    let carried = wire == name.value ? "" : " (\(source.rawValue) '\(wire)')"
                    diagnostics.append(.error(
                        "'when' of the route of \(what) names '\(name.value)'\(carried), which already chooses the route of "
                            + "\(earlier.operation.roleName) '\(earlier.operation.name)'",
                        at: name.location, notes: [.init("chosen here", at: earlier.at)]))
                } else {
                    chosenBy[key] = (operation, name.location)
                }
            }
        }
        return diagnostics
    }
}
