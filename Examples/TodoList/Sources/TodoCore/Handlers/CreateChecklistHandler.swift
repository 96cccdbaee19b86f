import CQRS
import Foundation

/// Creates a list, then adds each item to it in order: each a command of its own, published and counted as if
/// called alone. An item that fails ends the checklist with its error, the list and earlier items kept.
struct CreateChecklistHandler: CreateChecklistHandling {
    let steps: CreateChecklistSteps

    func handle(_ command: CreateChecklist) async -> Result<UUID, OperationError> {
        await handling {
            let listId = try await steps.run(CreateTodoList(title: command.title)).get()
            for title in command.items {
                _ = try await steps.run(AddTodoItem(listId: listId, title: title)).get()
            }
            return .success(listId)
        }
    }
}
