import CQRS
import Foundation
import Testing
import TodoCore

/// What a test does with the public generated API alone: run the real handlers through the factory, and replace one
/// handler through the generated overrides.
@Suite("The to-do app through its generated factory")
struct TodoCoreTests {
    let dependencies = TodoDependencies(todoRepository: InMemoryTodoRepository(), timeSource: FixedTime())

    @Test("items come back most urgent first, one page at a time, with the page count")
    func pages() async throws {
        let factory = dependencies.factory()
        let list = try await CreateTodoList.handle(CreateTodoList(title: "Chores"), with: factory).get()
        for (title, priority) in [("Dust", Priority.low), ("Dishes", .high), ("Laundry", nil)] {
            _ = try await AddTodoItem.handle(AddTodoItem(listId: list, title: title, priority: priority), with: factory).get()
        }
        let first = try await GetTodoItemsWithPagination.handle(
            GetTodoItemsWithPagination(listId: list, pageNumber: 1, pageSize: 2), with: factory).get()
        #expect(first.items.map(\.title) == ["Dishes", "Dust"])
        #expect((first.totalPages, first.totalCount) == (2, 3))
        let second = try await GetTodoItemsWithPagination.handle(
            GetTodoItemsWithPagination(listId: list, pageNumber: 2, pageSize: 2), with: factory).get()
        #expect(second.items.map(\.title) == ["Laundry"])
        // A missing priority defaults to the case named `none`, not to nil.
        #expect(second.items.map(\.priority) == [Priority.none])
    }

    @Test("pages are bounded by the configuration's maximum, and numbered from 1")
    func pageBounds() async throws {
        let factory = dependencies.factory()
        let list = try await CreateTodoList.handle(CreateTodoList(title: "Chores"), with: factory).get()
        let tooBig = await GetTodoItemsWithPagination.handle(
            GetTodoItemsWithPagination(listId: list, pageSize: 51), with: factory)
        #expect(tooBig.failureCode == "invalid_size")
        let zeroth = await GetTodoItemsWithPagination.handle(
            GetTodoItemsWithPagination(listId: list, pageNumber: 0), with: factory)
        #expect(zeroth.failureCode == "invalid_page")
        #expect(GetTodoItemsWithPagination.metadata.pagination == PaginationMetadata(style: .page, maximumPageSize: 50))
    }

    @Test("purging deletes only lists whose items are all done")
    func purge() async throws {
        let factory = dependencies.factory()
        let done = try await CreateTodoList.handle(CreateTodoList(title: "Done"), with: factory).get()
        let open = try await CreateTodoList.handle(CreateTodoList(title: "Open"), with: factory).get()
        let item = try await AddTodoItem.handle(AddTodoItem(listId: done, title: "A"), with: factory).get()
        _ = try await AddTodoItem.handle(AddTodoItem(listId: open, title: "B"), with: factory).get()
        try await CompleteTodoItem.handle(CompleteTodoItem(itemId: item), with: factory).get()
        #expect(try await PurgeTodoLists.handle(PurgeTodoLists(), with: factory).get() == 1)
        #expect(try await GetTodoLists.handle(GetTodoLists(), with: factory).get().map(\.title) == ["Open"])
    }

    @Test("a handler replaced through the generated overrides is the one that runs")
    func overrides() async throws {
        var overrides = HandlerOverrides<TodoDependencies, TodoDependencies>()
        overrides.createTodoList = { _ in RefusingCreate() }
        let factory = dependencies.factory(overrides: overrides)
        let result = await CreateTodoList.handle(CreateTodoList(title: "Anything"), with: factory)
        #expect(result.failureCode == "read_only")
        // The other handlers are the real ones.
        #expect(try await GetTodoLists.handle(GetTodoLists(), with: factory).get().isEmpty)
    }

    @Test("the registry lists every operation with the spec's metadata")
    func registry() {
        #expect(OperationRegistry.commands.map(\.name) == [
            "CreateTodoList", "AddTodoItem", "CompleteTodoItem", "DeleteTodoList", "PurgeTodoLists",
        ])
        #expect(OperationRegistry.queries.map(\.name) == ["GetTodoLists", "GetTodoItemsWithPagination"])
        #expect(OperationRegistry.shared.consistencyProblems().isEmpty)
        #expect(GetTodoItemsWithPagination.metadata.resultTypeName == "Page<TodoItemBrief>")
        #expect(Priority.allCases.map(\.rawValue) == [0, 1, 2, 3])
    }
}

/// A stand-in for CreateTodoList's handler: what a test writes to force a failure.
struct RefusingCreate: CreateTodoListHandling {
    func handle(_ command: CreateTodoList) async -> Result<UUID, OperationError> {
        .failure(OperationError(code: "read_only", message: "The store is read-only."))
    }
}

struct FixedTime: TimeSource {
    func now() -> Date { Date(timeIntervalSince1970: 1_800_000_000) }
}

extension Result where Failure == OperationError {
    var failureCode: String? {
        if case .failure(let error) = self { error.code } else { nil }
    }
}
