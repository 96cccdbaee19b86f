import CQRS
/// Bounds for paginated queries: a caller cannot ask for an unbounded page or a negative offset.
enum Pagination {
    static let maximumLimit = 200

    static func validate(limit: Int, offset: Int) -> OperationError? {
        guard (1...maximumLimit).contains(limit) else {
            return OperationError(code: "invalid_limit", message: "limit must be between 1 and \(maximumLimit).")
        }
        guard offset >= 0 else {
            return OperationError(code: "invalid_offset", message: "offset must not be negative.")
        }
        return nil
    }
}
