/// Both dependency scopes the generated code asks for, in one value: this app builds its handlers from one
/// repository and one clock, and the generated factory adds the event recorder of the command being run. (A server
/// would build a new `RequestDependencies` per request, on its database session.)
public struct TodoDependencies: RequestDependencies, AppDependencies {
    public let todoRepository: any TodoRepository
    public let timeSource: any TimeSource

    public init(todoRepository: any TodoRepository, timeSource: any TimeSource) {
        self.todoRepository = todoRepository
        self.timeSource = timeSource
    }
}
