import CQRS
import Foundation

/// One request's way to run operations: every command and query of the request goes through the dispatcher on the
/// request's one session, and a failure becomes the problem response its code means.
struct Operations: Sendable {
    let dispatcher: Dispatcher
    let session: DatabaseSession
    /// The request's correlation id, and its caller once authenticated: every operation and event of the request
    /// carries them.
    var context: OperationContext

    func run<C: DispatchableCommand>(_ command: C) async throws -> C.Output {
        try await dispatcher.run(command, on: session, context: context).get(orThrow: Problem.init)
    }

    func run<Q: DispatchableQuery>(_ query: Q) async throws -> Q.Output {
        try await dispatcher.run(query, on: session, context: context).get(orThrow: Problem.init)
    }
}

extension Result where Failure == OperationError {
    func get(orThrow problem: (OperationError) -> Problem) throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw problem(error)
        }
    }
}
