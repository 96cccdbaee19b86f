import CQRS
import Foundation

/// Adds an item to a list that exists.
struct AddTodoItemHandler: AddTodoItemHandling {
    let todoRepository: any TodoRepository
    let timeSource: any TimeSource
    let events: AddTodoItemEvents

    func handle(_ command: AddTodoItem) async -> Result<UUID, OperationError> {
        await handling {
            guard try await todoRepository.list(id: command.listId) != nil else { return .failure(.listNotFound) }
            let title = command.title.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { return .failure(.emptyTitle) }
            let item = TodoItem(
                id: UUID(), listId: command.listId, title: title, priority: command.priority ?? .none, done: false,
                addedAt: timeSource.now())
            try await todoRepository.insert(item)
            events.publish(TodoItemAdded(listId: command.listId, itemId: item.id))
            return .success(item.id)
        }
    }
}
