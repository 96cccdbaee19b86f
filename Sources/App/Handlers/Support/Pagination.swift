import CQRS

/// Bounds for a limit that a query takes without being paginated (the balance history's optional `limit`): the same
/// bounds the runtime gives paginated queries, with the App's configured maximum.
enum Pagination {
    static let maximumLimit = 200

    static func validate(limit: Int, offset: Int) -> OperationError? {
        PageRequest.offset(limit: limit, offset: offset).boundsError(maximumSize: maximumLimit)
    }
}
