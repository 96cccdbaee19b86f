import CQRS
import TodoCore

// Runs a few operations through the runtime's dispatcher and prints what they return and publish. The handlers are
// internal to TodoCore: this module sees only the public operations, the app and the registry.

/// Prints each event as the dispatcher publishes it, after its command.
struct PrintingPublisher: EventPublisher {
    func publish(_ envelope: EventEnvelope<DomainEvent>) async throws {
        print("  published \(envelope.event.eventName) by \(envelope.operation)")
    }
}

let app = TodoApp(publisher: PrintingPublisher())

let groceries = try await app.run(CreateTodoList(title: "Groceries")).get()
_ = try await app.run(AddTodoItem(listId: groceries, title: "Bread")).get()
let milk = try await app.run(AddTodoItem(listId: groceries, title: "Milk", priority: .high)).get()
try await app.run(CompleteTodoItem(itemId: milk)).get()

let page = try await app.run(GetTodoItemsWithPagination(listId: groceries, pageSize: 1)).get()
print("Page \(page.pageNumber) of \(page.totalPages):", page.items.map { "\($0.title) (\($0.priority))" })
for list in try await app.run(GetTodoLists()).get() {
    print("\(list.title): \(list.openItems) open")
}
print("\(OperationRegistry.commands.count) commands and \(OperationRegistry.queries.count) queries registered")
