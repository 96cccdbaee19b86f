/// Both dependency scopes the generated code asks for, in one value: this app builds its handlers from one
/// repository, one clock and the event recorder of the command being run. (A server would build a new
/// `RequestDependencies` per request, on its database session.)
public struct TodoDependencies: RequestDependencies, AppDependencies {
    public let todoRepository: any TodoRepository
    public let timeSource: any TimeSource
    public let todoEvents: any TodoEvents

    public init(todoRepository: any TodoRepository, timeSource: any TimeSource, todoEvents: any TodoEvents) {
        self.todoRepository = todoRepository
        self.timeSource = timeSource
        self.todoEvents = todoEvents
    }
}
