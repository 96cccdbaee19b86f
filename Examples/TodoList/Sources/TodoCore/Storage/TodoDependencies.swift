/// Both dependency scopes the generated code asks for, in one value: this app builds its handlers from one
/// repository and one clock. (A server would build a new `RequestDependencies` per request, on its database session.)
public struct TodoDependencies: RequestDependencies, AppDependencies {
    public let todoRepository: any TodoRepository
    public let timeSource: any TimeSource

    public init(todoRepository: any TodoRepository = InMemoryTodoRepository(), timeSource: any TimeSource = SystemTime()) {
        self.todoRepository = todoRepository
        self.timeSource = timeSource
    }

    /// The generated factory over these dependencies, with handlers replaced by `overrides`.
    public func factory(
        overrides: HandlerOverrides<TodoDependencies, TodoDependencies> = HandlerOverrides()
    ) -> HandlerFactory<TodoDependencies, TodoDependencies> {
        HandlerFactory(request: self, app: self, overrides: overrides)
    }
}
