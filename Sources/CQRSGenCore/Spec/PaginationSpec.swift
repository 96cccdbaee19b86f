public import CQRS

/// A query's `pagination`: its style, and the field that carries each part of the page request.
///
///     pagination: offset                       # the fields `limit` and `offset`
///     pagination: {style: page, page: pageNumber, size: pageSize}
public struct PaginationSpec: Hashable, Sendable {
    /// The field that carries one part of the page request.
    public struct Field: Hashable, Sendable {
        public var role: PaginationRole
        /// The field's name, located where it is named, or at the style when it takes the role's own name.
        public var field: Located<String>

        public init(role: PaginationRole, field: Located<String>) {
            self.role = role
            self.field = field
        }
    }

    public var style: PaginationStyle
    /// One field for each of the style's roles, in the style's order.
    public var fields: [Field]
    /// Where `pagination` is written.
    public var location: SourceLocation

    public init(style: PaginationStyle, fields: [Field], at location: SourceLocation) {
        self.style = style
        self.fields = fields
        self.location = location
    }

    /// The field carrying `role`, if the style has that role.
    public func field(for role: PaginationRole) -> Located<String>? {
        fields.first { $0.role == role }?.field
    }
}
