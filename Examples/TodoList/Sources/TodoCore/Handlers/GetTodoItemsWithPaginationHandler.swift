import CQRS

/// One page of a list's items, most urgent first, then in the order they were added.
struct GetTodoItemsWithPaginationHandler: GetTodoItemsWithPaginationHandling {
    let todoRepository: any TodoRepository

    func handle(_ query: GetTodoItemsWithPagination) async -> Result<Page<TodoItemBrief>, OperationError> {
        await handling {
            // The bounds the configuration sets (pagination.maximumPageSize), from the query's registry entry.
            if let pagination = GetTodoItemsWithPagination.metadata.pagination,
               let error = query.pageRequest.boundsError(maximumSize: pagination.maximumPageSize)
            {
                return .failure(error)
            }
            guard try await todoRepository.list(id: query.listId) != nil else { return .failure(.listNotFound) }
            let items = try await todoRepository.items(inList: query.listId)
                .enumerated()
                .sorted { ($0.element.priority.rawValue, -$0.offset) > ($1.element.priority.rawValue, -$1.offset) }
                .map(\.element)
            // A page number far past the end asks for nothing, never for an overflow.
            let (skip, overflow) = (query.pageNumber - 1).multipliedReportingOverflow(by: query.pageSize)
            let page = overflow ? [] : items.dropFirst(skip).prefix(query.pageSize)
            return .success(Page(
                items: page.map { TodoItemBrief(id: $0.id, title: $0.title, priority: $0.priority, done: $0.done) },
                pageNumber: query.pageNumber,
                totalPages: (items.count + query.pageSize - 1) / query.pageSize,
                totalCount: items.count))
        }
    }
}
