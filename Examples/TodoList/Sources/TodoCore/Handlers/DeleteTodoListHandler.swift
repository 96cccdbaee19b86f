import CQRS

/// Deletes a list with its items.
struct DeleteTodoListHandler: DeleteTodoListHandling {
    let todoRepository: any TodoRepository
    let events: DeleteTodoListEvents

    func handle(_ command: DeleteTodoList) async -> Result<Void, OperationError> {
        await handling {
            guard try await todoRepository.list(id: command.listId) != nil else { return .failure(.listNotFound) }
            try await todoRepository.deleteList(id: command.listId)
            events.publish(TodoListDeleted(listId: command.listId))
            return .success(())
        }
    }
}
