import CQRS

/// Marks an item done; completing it twice is not an error.
struct CompleteTodoItemHandler: CompleteTodoItemHandling {
    let todoRepository: any TodoRepository
    let events: CompleteTodoItemEvents

    func handle(_ command: CompleteTodoItem) async -> Result<Void, OperationError> {
        await handling {
            guard var item = try await todoRepository.item(id: command.itemId) else { return .failure(.itemNotFound) }
            item.done = true
            try await todoRepository.update(item)
            events.publish(TodoItemCompleted(itemId: item.id))
            return .success(())
        }
    }
}
