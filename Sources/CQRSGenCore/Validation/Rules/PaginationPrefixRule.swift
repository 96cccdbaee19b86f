/// A paginated query's name carries the paginated prefix (`List` by default), so that callers can tell from the
/// name alone that they receive one page.
public struct PaginationPrefixRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        let prefix = spec.conventions.paginatedQueryPrefix.value
        return spec.queries.compactMap { query in
            guard let paginated = query.queryTraits?.paginated, paginated.value,
                  !NamePrefix.name(query.name, startsWith: prefix)
            else { return nil }
            return .error(
                "paginated query '\(query.name)' must start with '\(prefix)'", at: query.location,
                notes: [.init("'\(query.name)' is marked paginated here", at: paginated.location)])
        }
    }
}
