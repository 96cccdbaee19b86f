/// What a behaviour knows of the operation it runs around: the spec's metadata, the same shape for commands and
/// queries.
public struct OperationDescriptor<Category: RegistryCategory>: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case command, query
    }

    // The metadata itself, not a copy of its fields: a descriptor is made for every operation that runs through
    // behaviours, and holding one reference costs one retain where copying the fields cost one per string and array.
    @usableFromInline
    enum Entry: Sendable {
        case command(CommandMetadata<Category>)
        case query(QueryMetadata<Category>)
    }

    @usableFromInline let entry: Entry

    @inlinable
    public init(_ metadata: CommandMetadata<Category>) { entry = .command(metadata) }

    @inlinable
    public init(_ metadata: QueryMetadata<Category>) { entry = .query(metadata) }

    public var name: String {
        switch entry {
        case .command(let metadata): metadata.name
        case .query(let metadata): metadata.name
        }
    }

    public var kind: Kind {
        switch entry {
        case .command: .command
        case .query: .query
        }
    }

    public var category: Category {
        switch entry {
        case .command(let metadata): metadata.category
        case .query(let metadata): metadata.category
        }
    }

    /// The events a command may publish; none for a query.
    public var events: [String] {
        if case .command(let metadata) = entry { metadata.events } else { [] }
    }

    /// Whether a command runs in a transaction; false for a query.
    public var requiresTransaction: Bool {
        if case .command(let metadata) = entry { metadata.requiresTransaction } else { false }
    }

    /// A query's cache policy; `.none` for a command.
    public var cachePolicy: CachePolicy {
        if case .query(let metadata) = entry { metadata.cachePolicy } else { .none }
    }

    /// How a query is paginated; nil when it is not, and for a command.
    public var pagination: PaginationMetadata? {
        if case .query(let metadata) = entry { metadata.pagination } else { nil }
    }

    /// The command's whole registry entry; nil for a query.
    public var commandMetadata: CommandMetadata<Category>? {
        if case .command(let metadata) = entry { metadata } else { nil }
    }

    /// The query's whole registry entry; nil for a command.
    public var queryMetadata: QueryMetadata<Category>? {
        if case .query(let metadata) = entry { metadata } else { nil }
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
