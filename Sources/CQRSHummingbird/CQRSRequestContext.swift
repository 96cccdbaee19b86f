import CQRS
import Hummingbird

/// A request context that generated routes can be served with: who is calling, as the application's authentication
/// established it, and from where.
///
/// Authentication stays the application's: a middleware of its own verifies a token or a session and sets the caller.
/// The adapter only checks each route's policy against it, so that one middleware serves every route, and a route's
/// policy is read from the spec, not from which group the route was added to.
public protocol CQRSRequestContext: RequestContext {
    /// The authenticated caller; nil for an anonymous request.
    var caller: HTTPCaller? { get }
    /// The client's address, which `key: address` rate limits count by; nil when unknown, and then every such request
    /// shares one count.
    var clientAddress: String? { get }
    /// Why the request's credentials were refused (an expired token, a revoked session), when it sent some: a route
    /// that needs a caller answers with it instead of `not_authenticated`. A public route ignores it, so that a
    /// client may refresh its tokens with an expired one still attached.
    var authenticationFailure: ProblemDetails? { get }
}

extension CQRSRequestContext {
    public var authenticationFailure: ProblemDetails? { nil }
}
