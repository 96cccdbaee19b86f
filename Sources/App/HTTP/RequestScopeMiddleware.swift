import Hummingbird

/// Gives every request its one database session, which authentication and the route's operations share, as
/// Dashtam's `get_db_session` dependency does.
struct RequestScopeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let environment: AppEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.requestOperations = environment.operations()
        return try await next(request, context)
    }
}
