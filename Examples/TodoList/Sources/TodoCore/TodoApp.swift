import CQRS
import Foundation

/// The to-do app: every operation runs through the runtime's one dispatch path, which gives the spec's metadata its
/// meaning (events published after the command and only those it declares, query results cached by policy and
/// dropped by any command, page bounds) and runs the behaviours around it.
public struct TodoApp: Sendable {
    public let repository: any TodoRepository
    public let timeSource: any TimeSource
    public let dispatcher: OperationDispatcher<OperationCategory, DomainEvent>
    public let overrides: HandlerOverrides<TodoDependencies, TodoDependencies>

    public init(
        repository: any TodoRepository = InMemoryTodoRepository(), timeSource: any TimeSource = SystemTime(),
        publisher: any EventPublisher<DomainEvent>, behaviors: [any OperationBehavior<OperationCategory>] = [],
        clock: DispatchClock = .continuous,
        overrides: HandlerOverrides<TodoDependencies, TodoDependencies> = HandlerOverrides()
    ) {
        self.repository = repository
        self.timeSource = timeSource
        // Query results are cached in memory, for each query's policy, by `clock`.
        dispatcher = OperationDispatcher(behaviors: behaviors, publisher: publisher, clock: clock)
        self.overrides = overrides
    }

    /// Runs a command. The in-memory store has no transactions, so the command writes as it goes.
    public func run<C: DispatchableCommand>(_ command: C, context: OperationContext = Self.newContext()) async -> Result<C.Output, OperationError> {
        await dispatcher.run(command, context: context, unitOfWork: NoUnitOfWork()) { recorder in
            factory(recorder, context)
        }
    }

    public func run<Q: DispatchableQuery>(_ query: Q, context: OperationContext = Self.newContext()) async -> Result<Q.Output, OperationError> {
        await dispatcher.run(query, context: context) { recorder in
            factory(recorder, context)
        }
    }

    /// The generated factory for one run, its handlers recording into that run's recorder; the operations a handler
    /// runs are steps of that run, with its context.
    private func factory(_ recorder: EventRecorder<DomainEvent>, _ context: OperationContext) -> HandlerFactory<TodoDependencies, TodoDependencies> {
        let dependencies = TodoDependencies(todoRepository: repository, timeSource: timeSource)
        return HandlerFactory(
            request: dependencies, app: dependencies, events: recorder, steps: Steps(app: self, context: context),
            overrides: overrides)
    }

    /// Runs each operation a handler lists under `runs` through the same dispatch path, as a step of the run that asked.
    struct Steps: OperationStepRunner {
        let app: TodoApp
        let context: OperationContext

        func run<C: DispatchableCommand>(_ command: C) async -> Result<C.Output, OperationError> {
            await app.run(command, context: context)
        }

        func run<Q: DispatchableQuery>(_ query: Q) async -> Result<Q.Output, OperationError> {
            await app.run(query, context: context)
        }
    }

    /// A context for a call that starts a workflow of its own.
    public static func newContext() -> OperationContext {
        OperationContext(correlationId: UUID().uuidString)
    }
}
