import Foundation

/// A list as stored.
public struct TodoList: Sendable, Hashable {
    public var id: UUID
    public var title: String
}

/// An item as stored.
public struct TodoItem: Sendable, Hashable {
    public var id: UUID
    public var listId: UUID
    public var title: String
    public var priority: Priority
    public var done: Bool
    public var addedAt: Date
}

/// Where lists and items live: what the spec's `TodoRepository` dependency is. Handlers take it as
/// `any TodoRepository`, so tests and other stores can stand in.
public protocol TodoRepository: Sendable {
    func insert(_ list: TodoList) async throws
    func insert(_ item: TodoItem) async throws
    func list(id: UUID) async throws -> TodoList?
    func item(id: UUID) async throws -> TodoItem?
    func update(_ item: TodoItem) async throws
    func deleteList(id: UUID) async throws
    /// Every list, in the order they were created.
    func lists() async throws -> [TodoList]
    /// A list's items, in the order they were added.
    func items(inList listId: UUID) async throws -> [TodoItem]
}

/// What time it is: the spec's `TimeSource` dependency.
public protocol TimeSource: Sendable {
    func now() -> Date
}

/// The system clock.
public struct SystemTime: TimeSource {
    public init() {}
    public func now() -> Date { Date() }
}
