/// How a paginated query asks for its page: the styles a spec can declare with `pagination`.
public enum PaginationStyle: String, Hashable, Sendable, Codable, CaseIterable {
    /// `limit` rows after skipping `offset`.
    case offset
    /// Page `page` (from 1) of `size` rows.
    case page
    /// `limit` rows after the opaque `cursor` (nil for the first page).
    case cursor

    /// The roles of the fields that carry the page, in the order the spec's `pagination` names them.
    public var roles: [PaginationRole] {
        switch self {
        case .offset: [.limit, .offset]
        case .page: [.page, .size]
        case .cursor: [.cursor, .limit]
        }
    }
}

/// A part of a page request, carried by one field of a paginated query.
public enum PaginationRole: String, Hashable, Sendable, CaseIterable {
    case limit, offset, page, size, cursor

    /// The Swift types a field in this role may have.
    public var acceptedTypes: [String] {
        self == .cursor ? ["String?", "String"] : ["Int"]
    }
}

/// One paginated query's page, as its fields ask for it.
public enum PageRequest: Hashable, Sendable {
    case offset(limit: Int, offset: Int)
    case page(number: Int, size: Int)
    case cursor(String?, limit: Int)

    /// How many rows the page holds at most.
    public var size: Int {
        switch self {
        case .offset(let limit, _): limit
        case .page(_, let size): size
        case .cursor(_, let limit): limit
        }
    }

    /// Why this request is out of bounds, or nil when it is within them: a page of 1 to `maximumSize` rows, no negative
    /// offset, pages counted from 1. Dispatch answers with this error before the handler runs.
    public func boundsError(maximumSize: Int) -> OperationError? {
        let (sizeName, sizeCode): (String, String)
        switch self {
        case .offset(_, let offset):
            (sizeName, sizeCode) = ("limit", OperationError.invalidLimitCode)
            if offset < 0 { return OperationError(code: OperationError.invalidOffsetCode, message: "offset must not be negative.") }
        case .page(let number, _):
            (sizeName, sizeCode) = ("size", OperationError.invalidSizeCode)
            if number < 1 { return OperationError(code: OperationError.invalidPageCode, message: "page numbers start at 1.") }
        case .cursor:
            (sizeName, sizeCode) = ("limit", OperationError.invalidLimitCode)
        }
        guard (1...max(1, maximumSize)).contains(size) else {
            return OperationError(code: sizeCode, message: "\(sizeName) must be between 1 and \(maximumSize).")
        }
        return nil
    }
}

extension OperationError {
    /// The codes of ``PageRequest/boundsError(maximumSize:)``: a negative offset, a page before the first, and a page
    /// size out of bounds, named as the style names it.
    public static let invalidOffsetCode = "invalid_offset"
    public static let invalidPageCode = "invalid_page"
    public static let invalidLimitCode = "invalid_limit"
    public static let invalidSizeCode = "invalid_size"
}

/// How a query is paginated, in its registry entry.
public struct PaginationMetadata: Hashable, Sendable {
    public let style: PaginationStyle
    /// The largest page a caller may ask for: the configuration's `pagination.maximumPageSize`.
    public let maximumPageSize: Int

    public init(style: PaginationStyle, maximumPageSize: Int) {
        self.style = style
        self.maximumPageSize = maximumPageSize
    }
}
