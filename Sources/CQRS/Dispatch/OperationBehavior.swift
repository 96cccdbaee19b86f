/// What a behaviour knows of the operation it runs around: the spec's metadata, the same shape for commands and
/// queries.
public struct OperationDescriptor<Category: RegistryCategory>: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case command, query
    }

    public var name: String
    public var kind: Kind
    public var category: Category
    /// The events a command may publish; none for a query.
    public var events: [String]
    /// Whether a command runs in a transaction; false for a query.
    public var requiresTransaction: Bool
    /// A query's cache policy; `.none` for a command.
    public var cachePolicy: CachePolicy
    /// How a query is paginated; nil when it is not, and for a command.
    public var pagination: PaginationMetadata?

    public init(_ metadata: CommandMetadata<Category>) {
        name = metadata.name
        kind = .command
        category = metadata.category
        events = metadata.events
        requiresTransaction = metadata.requiresTransaction
        cachePolicy = .none
        pagination = nil
    }

    public init(_ metadata: QueryMetadata<Category>) {
        name = metadata.name
        kind = .query
        category = metadata.category
        events = []
        requiresTransaction = false
        cachePolicy = metadata.cachePolicy
        pagination = metadata.pagination
    }
}

/// Code that runs around operations, as MediatR's pipeline behaviours do: it sees the operation, its metadata, the
/// request context and the result, and decides whether and how often the rest of the pipeline runs. It can
/// short-circuit (authorization, validation: return a failure without calling `next`) or retry (call `next` again).
///
/// Behaviours run in the order the dispatcher is given them, the first outermost. Each applies to the operations
/// ``applies(to:)`` selects: every one by default, or those of a kind, a category, or any metadata.
public protocol OperationBehavior<Category>: Sendable {
    associatedtype Category: RegistryCategory

    /// Whether this behaviour runs around `operation`.
    func applies(to operation: OperationDescriptor<Category>) -> Bool

    /// Runs around one operation. `next` runs the rest of the pipeline: the behaviours after this one, then the
    /// operation itself (in its transaction, for a command). A thrown error ends the operation: an `OperationError`
    /// as itself, anything else as ``OperationError/unavailable(_:)``.
    func handle<Operation: Sendable, Output: Sendable>(
        _ operation: Operation, _ descriptor: OperationDescriptor<Category>, context: OperationContext,
        next: @Sendable () async -> Result<Output, OperationError>
    ) async throws -> Result<Output, OperationError>
}

extension OperationBehavior {
    public func applies(to operation: OperationDescriptor<Category>) -> Bool { true }
}
