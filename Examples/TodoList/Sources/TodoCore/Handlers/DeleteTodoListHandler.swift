import CQRS

/// Deletes a list with its items.
struct DeleteTodoListHandler: DeleteTodoListHandling {
    let todoRepository: any TodoRepository
    let todoEvents: any TodoEvents

    func handle(_ command: DeleteTodoList) async -> Result<Void, OperationError> {
        await handling {
            guard try await todoRepository.list(id: command.listId) != nil else { return .failure(.listNotFound) }
            try await todoRepository.deleteList(id: command.listId)
            todoEvents.record(TodoEvent("TodoListDeleted", subject: command.listId))
            return .success(())
        }
    }
}
