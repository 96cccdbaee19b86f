/// The codes an HTTP adapter answers with itself, before an operation runs or instead of it: one list, read by the
/// Hummingbird adapter that sends them, the generator's OpenAPI document that describes them, and an application's
/// own middleware, so that all three spell each code alike. An operation's own failures are `OperationError` codes.
public enum HTTPProblemCode: String, Sendable, Hashable, CaseIterable {
    /// The body is not the JSON the route reads, or a field cannot be read from where it comes.
    case invalidRequest = "invalid_request"
    /// The route needs a caller and the request has none.
    case notAuthenticated = "not_authenticated"
    /// The caller lacks the route's role or permission.
    case forbidden
    /// A path parameter cannot be read, so the path names nothing.
    case notFound = "not_found"
    /// No route answers the method and path.
    case routeNotFound = "route_not_found"
    /// A route answers the path, but not with this method.
    case methodNotAllowed = "method_not_allowed"
    /// The body is larger than the route reads.
    case contentTooLarge = "content_too_large"
    /// The body is not JSON.
    case unsupportedMediaType = "unsupported_media_type"
    /// A rate limit of the route is exceeded.
    case rateLimited = "rate_limited"
    /// The server failed; what failed goes to the log, never to the client.
    case internalError = "internal_error"
}
