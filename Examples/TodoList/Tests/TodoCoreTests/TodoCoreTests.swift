import CQRS
import CQRSTesting
import Foundation
import Synchronization
import Testing
import TodoCore

/// What a test does with the public API alone: run the real handlers through the runtime's dispatcher, read what it
/// published, move the cache's clock by hand, and replace one handler through the generated overrides.
@Suite("The to-do app through the runtime's dispatcher")
struct TodoCoreTests {
    let publisher = RecordingEventPublisher<DomainEvent>()
    let clock = ManualClock()

    func app(overrides: HandlerOverrides<TodoDependencies, TodoDependencies> = HandlerOverrides()) -> TodoApp {
        TodoApp(
            repository: InMemoryTodoRepository(), timeSource: FixedTime(), publisher: publisher,
            clock: clock.dispatchClock, overrides: overrides)
    }

    @Test("items come back most urgent first, one page at a time, with the page count")
    func pages() async throws {
        let app = app()
        let list = try await app.run(CreateTodoList(title: "Chores")).get()
        for (title, priority) in [("Dust", Priority.low), ("Dishes", .high), ("Laundry", nil)] {
            _ = try await app.run(AddTodoItem(listId: list, title: title, priority: priority)).get()
        }
        let first = try await app.run(GetTodoItemsWithPagination(listId: list, pageNumber: 1, pageSize: 2)).get()
        #expect(first.items.map(\.title) == ["Dishes", "Dust"])
        #expect((first.totalPages, first.totalCount) == (2, 3))
        let second = try await app.run(GetTodoItemsWithPagination(listId: list, pageNumber: 2, pageSize: 2)).get()
        #expect(second.items.map(\.title) == ["Laundry"])
        // A missing priority defaults to the case named `none`, not to nil.
        #expect(second.items.map(\.priority) == [Priority.none])
    }

    @Test("each command's events are published after it, with the context it ran in; a failed command publishes none")
    func events() async throws {
        let app = app()
        let context = OperationContext(caller: "ada", correlationId: "import-1")
        let list = try await app.run(CreateTodoList(title: "Chores"), context: context).get()
        _ = try await app.run(AddTodoItem(listId: list, title: "Dust"), context: context).get()
        #expect(await app.run(AddTodoItem(listId: UUID(), title: "Lost")).declaredFailureCode == .todoListNotFound)
        #expect(publisher.names == ["TodoListCreated", "TodoItemAdded"])
        #expect(publisher.published.allSatisfy { $0.context == context })
        #expect(publisher.published.first?.event == .todoListCreated(TodoListCreated(listId: list, title: "Chores")))
    }

    @Test("a page is cached by its policy until a command changes the data, or its time to live passes")
    func cache() async throws {
        let repository = CountingRepository()
        let app = TodoApp(repository: repository, timeSource: FixedTime(), publisher: publisher,
                          clock: clock.dispatchClock)
        let list = try await app.run(CreateTodoList(title: "Chores")).get()
        let query = GetTodoItemsWithPagination(listId: list)
        _ = try await app.run(query).get()
        _ = try await app.run(query).get()
        #expect(repository.itemReads == 1)
        _ = try await app.run(AddTodoItem(listId: list, title: "Dust")).get()
        #expect(try await app.run(query).get().totalCount == 1)
        #expect(repository.itemReads == 2)
        clock.advance(by: .seconds(61))
        _ = try await app.run(query).get()
        #expect(repository.itemReads == 3)
    }

    @Test("pages are bounded by the configuration's maximum, and numbered from 1")
    func pageBounds() async throws {
        let app = app()
        let list = try await app.run(CreateTodoList(title: "Chores")).get()
        #expect(await app.run(GetTodoItemsWithPagination(listId: list, pageSize: 51)).failureCode == "invalid_size")
        #expect(await app.run(GetTodoItemsWithPagination(listId: list, pageNumber: 0)).failureCode == "invalid_page")
        #expect(GetTodoItemsWithPagination.metadata.pagination == PaginationMetadata(style: .page, maximumPageSize: 50))
    }

    @Test("purging deletes only lists whose items are all done")
    func purge() async throws {
        let app = app()
        let done = try await app.run(CreateTodoList(title: "Done")).get()
        let open = try await app.run(CreateTodoList(title: "Open")).get()
        let item = try await app.run(AddTodoItem(listId: done, title: "A")).get()
        _ = try await app.run(AddTodoItem(listId: open, title: "B")).get()
        try await app.run(CompleteTodoItem(itemId: item)).get()
        #expect(try await app.run(PurgeTodoLists()).get() == 1)
        #expect(try await app.run(GetTodoLists()).get().map(\.title) == ["Open"])
        #expect(publisher.names.last == "TodoListDeleted")
    }

    @Test("a handler replaced through the generated overrides is the one that runs")
    func overrides() async throws {
        var overrides = HandlerOverrides<TodoDependencies, TodoDependencies>()
        overrides.createTodoList = { _ in RefusingCreate() }
        let app = app(overrides: overrides)
        #expect(await app.run(CreateTodoList(title: "Anything")).failureCode == "read_only")
        // The other handlers are the real ones.
        #expect(try await app.run(GetTodoLists()).get().isEmpty)
    }

    @Test("the registry lists every operation with the spec's metadata")
    func registry() {
        #expect(OperationRegistry.commands.map(\.name) == [
            "CreateTodoList", "AddTodoItem", "ImportTodoItems", "CreateChecklist", "CompleteTodoItem", "DeleteTodoList",
            "PurgeTodoLists",
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

    /// The failure's code as the spec declares it: a misspelt code does not compile.
    var declaredFailureCode: OperationErrorCode? {
        if case .failure(let error) = self { error.declaredCode } else { nil }
    }
}

/// The in-memory store, counting how often a list's items are read: a cached page reads none.
final class CountingRepository: TodoRepository {
    private let base = InMemoryTodoRepository()
    private let reads = Mutex(0)

    var itemReads: Int { reads.withLock { $0 } }

    func insert(_ list: TodoList) async throws { await base.insert(list) }
    func insert(_ item: TodoItem) async throws { await base.insert(item) }
    func list(id: UUID) async throws -> TodoList? { await base.list(id: id) }
    func item(id: UUID) async throws -> TodoItem? { await base.item(id: id) }
    func update(_ item: TodoItem) async throws { await base.update(item) }
    func deleteList(id: UUID) async throws { await base.deleteList(id: id) }
    func lists() async throws -> [TodoList] { await base.lists() }
    func items(inList listId: UUID) async throws -> [TodoItem] {
        reads.withLock { $0 += 1 }
        return await base.items(inList: listId)
    }
}
