import CQRS
import TodoCore

// Runs a few operations through the generated factory and prints what they return. The handlers are internal to
// TodoCore: this module sees only the public operations, the factory and the registry.

let factory = TodoDependencies().factory()

func run<C: DispatchableCommand>(_ command: C) async throws -> C.Output {
    try await C.handle(command, with: factory).get()
}

func run<Q: DispatchableQuery>(_ query: Q) async throws -> Q.Output {
    try await Q.handle(query, with: factory).get()
}

let groceries = try await run(CreateTodoList(title: "Groceries"))
_ = try await run(AddTodoItem(listId: groceries, title: "Bread"))
let milk = try await run(AddTodoItem(listId: groceries, title: "Milk", priority: .high))
try await run(CompleteTodoItem(itemId: milk))

let page = try await run(GetTodoItemsWithPagination(listId: groceries, pageSize: 1))
print("Page \(page.pageNumber) of \(page.totalPages):", page.items.map { "\($0.title) (\($0.priority))" })
for list in try await run(GetTodoLists()) {
    print("\(list.title): \(list.openItems) open")
}
print("\(OperationRegistry.commands.count) commands and \(OperationRegistry.queries.count) queries registered")
