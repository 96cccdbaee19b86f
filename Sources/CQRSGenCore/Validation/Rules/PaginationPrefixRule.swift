/// When the configuration sets `naming.paginatedQueryPrefix` (Dashtam's `List`), a paginated query's name carries
/// it, so that callers can tell from the name alone that they receive one page.
public struct PaginationPrefixRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        guard let prefix = spec.conventions.paginatedQueryPrefix?.value else { return [] }
        return spec.queries.compactMap { query in
            guard let pagination = query.queryTraits?.pagination, !NamePrefix.name(query.name, startsWith: prefix)
            else { return nil }
            return .error(
                "paginated query '\(query.name)' must start with '\(prefix)'", at: query.location,
                notes: [.init("'\(query.name)' is paginated here", at: pagination.location)])
        }
    }
}
