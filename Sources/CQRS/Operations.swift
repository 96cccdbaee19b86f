/// A request to change the application's state. Generated command types conform; `Output` is what the
/// command's handler returns on success (`Void` for a command that returns no value).
public protocol Command: Sendable, Hashable, Codable {
    associatedtype Output: Sendable
}

/// A request to read the application's state, without changing it.
public protocol Query: Sendable, Hashable, Codable {
    associatedtype Output: Sendable
}
