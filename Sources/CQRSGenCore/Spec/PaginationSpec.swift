public import CQRS

/// A query's `pagination`: its style, and the field that carries each part of the page request.
///
///     pagination: offset                       # the fields `limit` and `offset`
///     pagination: {style: page, page: pageNumber, size: pageSize}
public struct PaginationSpec: Hashable, Sendable {
    public var style: PaginationStyle
    /// The field for each of the style's roles, in the style's order; each located where it is named, or at the
    /// style when it takes the role's own name.
    public var fields: [(role: PaginationRole, field: Located<String>)]
    /// Where `pagination` is written.
    public var location: SourceLocation

    public init(style: PaginationStyle, fields: [(role: PaginationRole, field: Located<String>)], at location: SourceLocation) {
        self.style = style
        self.fields = fields
        self.location = location
    }

    /// The field carrying `role`, if the style has that role.
    public func field(for role: PaginationRole) -> Located<String>? {
        fields.first { $0.role == role }?.field
    }

    public static func == (lhs: PaginationSpec, rhs: PaginationSpec) -> Bool {
        lhs.style == rhs.style && lhs.location == rhs.location
            && lhs.fields.map { "\($0.role.rawValue)=\($0.field.value)" } == rhs.fields.map { "\($0.role.rawValue)=\($0.field.value)" }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(style)
        for (role, field) in fields {
            hasher.combine(role)
            hasher.combine(field.value)
        }
    }
}
