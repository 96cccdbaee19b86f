/// When the configuration sets `pagination.requiredForLists`, a query whose answer holds a list (its result is one,
/// or is a declared type with a list field, optional or not) declares `pagination`: its answers are then bounded by
/// `maximumPageSize` whatever the data holds, and an unbounded query cannot be added by mistake.
public struct PaginatedListsRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        guard spec.conventions.requiresPaginatedLists else { return [] }
        return spec.queries.compactMap { query in
            guard query.queryTraits?.pagination == nil, let result = query.result,
                  let list = Self.list(in: result, index)
            else { return nil }
            return .error(
                "query '\(query.name)' answers a list (\(list.what)) but declares no 'pagination'; "
                    + "paginate it so that its answer is bounded (the configuration sets 'pagination.requiredForLists')",
                at: query.location, notes: [.init(list.what, at: list.location)])
        }
    }

    /// Where the result holds a list: the result itself, or a list field of its declared type.
    private static func list(in result: TypeReference, _ index: SpecIndex) -> (what: String, location: SourceLocation)? {
        switch unwrapped(result.expression) {
        case .array:
            return ("'\(result.text)'", result.location)
        case .named(let name), .generic(let name, _):
            guard let type = index.types[name],
                  let field = type.fields.first(where: { if case .array = unwrapped($0.type.expression) { true } else { false } })
            else { return nil }
            return ("'\(field.type.text)' in field '\(field.name)' of '\(name)'", field.type.location)
        default:
            return nil
        }
    }

    private static func unwrapped(_ expression: TypeExpression?) -> TypeExpression? {
        if case .optional(let wrapped) = expression { return unwrapped(wrapped) }
        return expression
    }
}
