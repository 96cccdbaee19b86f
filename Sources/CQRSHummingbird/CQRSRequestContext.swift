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
}
