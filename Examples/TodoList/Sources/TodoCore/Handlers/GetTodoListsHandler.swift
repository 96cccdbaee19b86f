import CQRS

/// Every list with the number of its open items.
struct GetTodoListsHandler: GetTodoListsHandling {
    let todoRepository: any TodoRepository

    func handle(_ query: GetTodoLists) async -> Result<[TodoListSummary], OperationError> {
        await handling {
            var summaries: [TodoListSummary] = []
            for list in try await todoRepository.lists() {
                let open = try await todoRepository.items(inList: list.id).count { !$0.done }
                summaries.append(TodoListSummary(id: list.id, title: list.title, openItems: open))
            }
            return .success(summaries)
        }
    }
}
