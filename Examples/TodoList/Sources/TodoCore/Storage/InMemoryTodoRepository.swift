import Foundation

/// Lists and items in memory, for the command-line app and for tests.
public actor InMemoryTodoRepository: TodoRepository {
    private var storedLists: [TodoList] = []
    private var storedItems: [TodoItem] = []

    public init() {}

    public func insert(_ list: TodoList) { storedLists.append(list) }
    public func insert(_ item: TodoItem) { storedItems.append(item) }
    public func list(id: UUID) -> TodoList? { storedLists.first { $0.id == id } }
    public func item(id: UUID) -> TodoItem? { storedItems.first { $0.id == id } }

    public func update(_ item: TodoItem) {
        guard let index = storedItems.firstIndex(where: { $0.id == item.id }) else { return }
        storedItems[index] = item
    }

    public func deleteList(id: UUID) {
        storedLists.removeAll { $0.id == id }
        storedItems.removeAll { $0.listId == id }
    }

    public func lists() -> [TodoList] { storedLists }
    public func items(inList listId: UUID) -> [TodoItem] { storedItems.filter { $0.listId == listId } }
}
