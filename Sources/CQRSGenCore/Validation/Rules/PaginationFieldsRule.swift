import CQRS

/// A paginated query declares the fields its style reads, with the types the page request needs: `Int` for a limit,
/// an offset, a page number or a size, and `String?` (or `String`) for a cursor. The generated code builds the
/// query's `PageRequest` from them, and dispatch bounds it before the handler runs; a query without them could not
/// be paged past its first page (Dashtam's `ListSecurityTransactions` had a limit and no offset).
public struct PaginationFieldsRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        spec.queries.flatMap { query -> [Diagnostic] in
            guard let pagination = query.queryTraits?.pagination else { return [] }
            return pagination.fields.compactMap { part in
                let role = part.role, name = part.field
                let accepted = role.acceptedTypes
                guard let field = query.fields.first(where: { $0.name == name.value }) else {
                    return .error(
                        "paginated query '\(query.name)' needs a field '\(name.value): \(accepted[0])' for its \(role.rawValue)",
                        at: name.location,
                        notes: [.init("add it to the fields of '\(query.name)'", at: query.location)])
                }
                guard let type = field.type.expression, accepted.contains(type.description) else {
                    return .error(
                        "field '\(name.value)' of paginated query '\(query.name)' carries its \(role.rawValue), so it must be "
                            + accepted.map { "'\($0)'" }.joined(separator: " or ") + ", not '\(field.type.text)'",
                        at: field.type.location)
                }
                return nil
            }
        }
    }
}
