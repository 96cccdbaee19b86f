import CQRS
import Foundation

/// Creates an empty list. Internal: other modules reach it only through the generated factory.
struct CreateTodoListHandler: CreateTodoListHandling {
    let todoRepository: any TodoRepository
    let events: CreateTodoListEvents

    func handle(_ command: CreateTodoList) async -> Result<UUID, OperationError> {
        await handling {
            let title = command.title.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { return .failure(.emptyTitle) }
            let list = TodoList(id: UUID(), title: title)
            try await todoRepository.insert(list)
            events.publish(TodoListCreated(listId: list.id, title: list.title))
            return .success(list.id)
        }
    }
}
