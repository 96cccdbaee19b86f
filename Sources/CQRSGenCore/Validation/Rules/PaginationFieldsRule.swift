/// A paginated query declares `limit: Int` and `offset: Int`. The generated code marks it `PaginatedQuery`, and the
/// application's one dispatch path bounds both before the handler runs; a query without them could not be paged
/// past its first page (Dashtam's `ListSecurityTransactions` had a limit and no offset).
public struct PaginationFieldsRule: ValidationRule {
    public static let requiredFields = ["limit", "offset"]

    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        spec.queries.flatMap { query -> [Diagnostic] in
            guard let paginated = query.queryTraits?.paginated, paginated.value else { return [] }
            return Self.requiredFields.compactMap { name in
                guard let field = query.fields.first(where: { $0.name == name }) else {
                    return .error(
                        "paginated query '\(query.name)' needs a field '\(name): Int'", at: paginated.location,
                        notes: [.init("add it to the fields of '\(query.name)'", at: query.location)])
                }
                guard field.type.expression == .named("Int") else {
                    return .error(
                        "field '\(name)' of paginated query '\(query.name)' must be 'Int', not '\(field.type.text)'",
                        at: field.type.location)
                }
                return nil
            }
        }
    }
}
