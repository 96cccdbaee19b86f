import CQRS
import HTTPTypes

/// Dashtam's rate-limit rules for the routes written by hand: logins 5 a minute per address and per account,
/// registrations 3. Generated routes carry their own, from the spec.
extension SlidingWindowRateLimiter.Policy {
    static let loginPerAddress = SlidingWindowRateLimiter.Policy(name: "login", limit: 5, window: .seconds(60))
    /// Per account as well, so that guesses spread over many addresses still meet a limit before the lockout.
    static let loginPerAccount = SlidingWindowRateLimiter.Policy(name: "login-account", limit: 5, window: .seconds(60))
    static let registrationPerAddress = SlidingWindowRateLimiter.Policy(name: "registration", limit: 3, window: .seconds(60))
    /// Redeeming a mailed token or a refresh token: tokens are unguessable, and this keeps trying them cheap to refuse.
    static let tokenPerAddress = SlidingWindowRateLimiter.Policy(name: "token", limit: 20, window: .seconds(60))

    /// The per-address policy of each public route that guessing or flooding would target, by method and the
    /// router's path pattern. Per-account policies are applied by the route, once it has read the account from the
    /// body.
    static let routes: [RouteKey: SlidingWindowRateLimiter.Policy] = [
        RouteKey(.post, "/api/v1/sessions"): .loginPerAddress,
        RouteKey(.post, "/api/v1/users"): .registrationPerAddress,
        RouteKey(.post, "/api/v1/email-verifications"): .tokenPerAddress,
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
