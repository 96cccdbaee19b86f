/// A request to change the application's state. Generated command types conform; `Output` is what the
/// command's handler returns on success (`Void` for a command that returns no value).
public protocol Command: Sendable, Hashable, Codable {
    associatedtype Output: Sendable
}

/// A request to read the application's state, without changing it.
public protocol Query: Sendable, Hashable, Codable {
    associatedtype Output: Sendable
}

/// A query that reads one page: the generated type of every query the spec declares `pagination` for. Its fields
/// carry the page in the declared style; dispatch bounds the request before the handler runs.
public protocol PaginatedQuery: Query {
    /// The page this query asks for, from the fields the spec names.
    var pageRequest: PageRequest { get }
}
