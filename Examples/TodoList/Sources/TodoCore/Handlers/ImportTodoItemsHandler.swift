import CQRS
import Foundation

/// Adds one item per non-blank line of a text to a list that exists, in the text's order, with no priority.
struct ImportTodoItemsHandler: ImportTodoItemsHandling {
    let todoRepository: any TodoRepository
    let timeSource: any TimeSource
    let events: ImportTodoItemsEvents

    func handle(_ command: ImportTodoItems) async -> Result<Int, OperationError> {
        await handling {
            guard try await todoRepository.list(id: command.listId) != nil else { return .failure(.listNotFound) }
            let titles = command.text.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard !titles.isEmpty else { return .failure(.emptyTitle) }
            for title in titles {
                let item = TodoItem(
                    id: UUID(), listId: command.listId, title: title, priority: .none, done: false, addedAt: timeSource.now())
                try await todoRepository.insert(item)
                events.publish(TodoItemAdded(listId: command.listId, itemId: item.id))
            }
            return .success(titles.count)
        }
    }
}
