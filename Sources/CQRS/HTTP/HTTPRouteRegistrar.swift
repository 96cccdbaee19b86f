/// What a server adapter implements to serve the routes a spec binds: the generated
/// `OperationRoutes.register(with:runner:)` gives it every routed operation, in spec order, with the closure that
/// runs one request's operation. The adapter reads the route (``HTTPRoutable/httpRoute``), builds the operation from
/// the request (``HTTPRoutable/init(httpRequest:)``), checks the auth policy and the rate limit, runs it, and answers
/// with the route's success status or a problem.
public protocol HTTPRouteRegistrar<Category> {
    associatedtype Category: RegistryCategory
    /// What the server knows of one request beyond the request itself, handed to each run: the application reads its
    /// request-scoped dependencies and its operation context from it.
    associatedtype RequestContext

    /// Serves `operation`'s route; a success answers with `Output` as the body.
    func register<Operation: HTTPRoutable, Output: Encodable & Sendable>(
        _ operation: Operation.Type,
        run: @escaping @Sendable (Operation, RequestContext) async -> Result<Output, OperationError>
    ) where Operation.Category == Category

    /// Serves `operation`'s route; a success answers with no body.
    func register<Operation: HTTPRoutable>(
        _ operation: Operation.Type,
        run: @escaping @Sendable (Operation, RequestContext) async -> Result<Void, OperationError>
    ) where Operation.Category == Category
}
