/// Handles one command type. A handler never throws for a business failure: it returns `.failure` with an
/// `OperationError` whose code callers can match on (Dashtam's `Result[T, str]`, with a stable code).
public protocol CommandHandler<Operation, Output>: Sendable {
    associatedtype Operation: Command where Operation.Output == Output
    associatedtype Output: Sendable

    func handle(_ command: Operation) async -> Result<Output, OperationError>
}

/// Handles one query type.
public protocol QueryHandler<Operation, Output>: Sendable {
    associatedtype Operation: Query where Operation.Output == Output
    associatedtype Output: Sendable

    func handle(_ query: Operation) async -> Result<Output, OperationError>
}
