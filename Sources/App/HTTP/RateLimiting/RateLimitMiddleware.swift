import CQRS
import Hummingbird

/// Applies each route's per-address policy (``SlidingWindowRateLimiter.Policy/routes``) before the route runs, and gives the route the
/// limiter for its per-account policies. A limited request answers `429 rate_limited` with `Retry-After`.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limiter: SlidingWindowRateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.rateLimiter = limiter
        if let path = context.endpointPath, let policy = SlidingWindowRateLimiter.Policy.routes[.init(request.method, path)] {
            try context.limitRate(policy, key: context.ipAddress ?? "unknown address")
        }
        return try await next(request, context)
    }
}

extension AppRequestContext {
    /// Counts this request under `policy` for `key`; throws the 429 problem when the limit is reached.
    func limitRate(_ policy: SlidingWindowRateLimiter.Policy, key: String) throws {
        guard let rateLimiter else { throw Problem.internalError }
        if case .limited(let seconds) = rateLimiter.take(policy, key: key) {
            throw Problem.rateLimited(retryAfterSeconds: seconds)
        }
    }
}
