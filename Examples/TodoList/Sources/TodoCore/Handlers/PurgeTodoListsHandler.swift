import CQRS

/// Deletes every list that has items and whose items are all done.
struct PurgeTodoListsHandler: PurgeTodoListsHandling {
    let todoRepository: any TodoRepository
    let events: PurgeTodoListsEvents

    func handle(_ command: PurgeTodoLists) async -> Result<Int, OperationError> {
        await handling {
            var purged = 0
            for list in try await todoRepository.lists() {
                let items = try await todoRepository.items(inList: list.id)
                guard !items.isEmpty, items.allSatisfy(\.done) else { continue }
                try await todoRepository.deleteList(id: list.id)
                events.publish(TodoListDeleted(listId: list.id))
                purged += 1
            }
            return .success(purged)
        }
    }
}
