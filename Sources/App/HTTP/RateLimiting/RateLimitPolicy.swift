import CQRS
import HTTPTypes

/// Dashtam's rate-limit rules for the routes written by hand: logins 5 a minute per address and per account.
/// Generated routes carry their own, from the spec.
extension SlidingWindowRateLimiter.Policy {
    static let loginPerAddress = SlidingWindowRateLimiter.Policy(name: "login", limit: 5, window: .seconds(60))
    /// Per account as well, so that guesses spread over many addresses still meet a limit before the lockout.
    static let loginPerAccount = SlidingWindowRateLimiter.Policy(name: "login-account", limit: 5, window: .seconds(60))

    /// The per-address policy of each public route that guessing or flooding would target, by method and the
    /// router's path pattern. Per-account policies are applied by the route, once it has read the account from the
    /// body.
    static let routes: [RouteKey: SlidingWindowRateLimiter.Policy] = [
        RouteKey(.post, "/api/v1/sessions"): .loginPerAddress,
    ]

    struct RouteKey: Hashable, Sendable {
        var method: String
        var path: String

        init(_ method: HTTPRequest.Method, _ path: String) {
            self.method = method.rawValue
            self.path = path
        }
    }
}
