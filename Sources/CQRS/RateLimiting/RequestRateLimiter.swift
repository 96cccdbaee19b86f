/// How many requests of one kind one key (an address, a caller, an account) may make in a sliding window.
public struct RateLimitPolicy: Sendable, Hashable {
    /// Keys are counted apart per policy name.
    public var name: String
    public var limit: Int
    public var window: Duration

    public init(name: String, limit: Int, window: Duration) {
        self.name = name
        self.limit = limit
        self.window = window
    }
}

/// A rate limiter's answer to one request.
public enum RateLimitDecision: Equatable, Sendable {
    case allowed
    /// Refused; the caller may try again after this many whole seconds.
    case limited(retryAfterSeconds: Int)

    /// Whole seconds, rounded up, at least one: what `Retry-After` says for a wait of `duration`.
    public static func seconds(_ duration: Duration) -> Int {
        let parts = duration.components
        return max(1, Int(parts.seconds) + (parts.attoseconds > 0 ? 1 : 0))
    }
}

/// Counts requests per policy and key: a key may make `limit` requests in any `window`, and a refused request is not
/// counted. ``SlidingWindowRateLimiter`` counts in one process's memory; an application that runs several instances
/// gives the routes one that counts where they all see it (a database), so that a key's budget is the service's, not
/// each instance's.
public protocol RequestRateLimiter: Sendable {
    /// Counts one request of `key` under `policy`, unless the policy's limit is reached. A thrown error means the
    /// count could not be kept; the route answers 503 rather than serve an uncounted request.
    func take(_ policy: RateLimitPolicy, key: String) async throws -> RateLimitDecision
}

extension RequestRateLimiter {
    /// A key is an address or an email; a longer one is cut so that a flood of huge keys stays small.
    public static var maximumKeyLength: Int { 320 }
}
