/// A request to change the application's state. Generated command types conform; `Output` is what the
/// command's handler returns on success (`Void` for a command that returns no value).
public protocol Command: Sendable, Hashable, Codable {
    associatedtype Output: Sendable
}

/// A request to read the application's state, without changing it.
public protocol Query: Sendable, Hashable, Codable {
    associatedtype Output: Sendable
}

/// A query that reads one page: the generated type of every query the spec marks `paginated`, which the spec's
/// validator makes declare both fields. Dispatch bounds them before the handler runs.
public protocol PaginatedQuery: Query {
    /// How many rows the page holds at most.
    var limit: Int { get }
    /// How many rows come before the page.
    var offset: Int { get }
}
