import CQRS

/// Runs the operation of each generated route on the request's one database session, through the dispatcher, with
/// the request's operation context (its correlation id and caller).
struct AppRouteRunner: OperationRouteRunner {
    typealias RequestContext = AppRequestContext

    func run<C: DispatchableCommand>(_ command: C, in context: AppRequestContext) async -> Result<C.Output, OperationError> {
        guard let operations = context.requestOperations else { return .failure(.unavailable(MissingRequestScope())) }
        return await operations.run(command)
    }

    func run<Q: DispatchableQuery>(_ query: Q, in context: AppRequestContext) async -> Result<Q.Output, OperationError> {
        guard let operations = context.requestOperations else { return .failure(.unavailable(MissingRequestScope())) }
        return await operations.run(query)
    }

    /// A route ran outside ``RequestScopeMiddleware``: a wiring mistake, answered as the server's failure.
    struct MissingRequestScope: Error, CustomStringConvertible {
        var description: String { "the route ran outside RequestScopeMiddleware" }
    }
}
