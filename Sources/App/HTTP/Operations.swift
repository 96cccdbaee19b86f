import CQRS
import Foundation

/// One request's way to run operations: every command and query of the request goes through the dispatcher on the
/// request's one session, with the request's context. It is also what runs the operations a handler lists under
/// `runs`, as steps of the run that asked: each with its own behaviours, transaction and events.
struct Operations: OperationStepRunner {
    let dispatcher: Dispatcher
    let session: DatabaseSession
    /// The request's correlation id, and its caller once authenticated: every operation and event of the request
    /// carries them.
    var context: OperationContext

    func run<C: DispatchableCommand>(_ command: C) async -> Result<C.Output, OperationError> {
        await dispatcher.run(command, on: session, context: context)
    }

    func run<Q: DispatchableQuery>(_ query: Q) async -> Result<Q.Output, OperationError> {
        await dispatcher.run(query, on: session, context: context)
    }
}
