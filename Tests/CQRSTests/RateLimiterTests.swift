import CQRS
import CQRSTesting
import Testing

@Suite("Rate limiter")
struct RateLimiterTests {
    @Test("the limiter counts each policy and key apart, and allows `limit` requests in any window")
    func slidingWindow() {
        let clock = ManualClock()
        let limiter = SlidingWindowRateLimiter(clock: clock.dispatchClock)
        let policy = SlidingWindowRateLimiter.Policy(name: "test", limit: 2, window: .seconds(10))
        let other = SlidingWindowRateLimiter.Policy(name: "other", limit: 1, window: .seconds(10))
        #expect(limiter.take(policy, key: "a") == .allowed)
        clock.advance(by: .seconds(4))
        #expect(limiter.take(policy, key: "a") == .allowed)
        #expect(limiter.take(policy, key: "a") == .limited(retryAfterSeconds: 6))
        #expect(limiter.take(policy, key: "b") == .allowed)
        #expect(limiter.take(other, key: "a") == .allowed)
        clock.advance(by: .milliseconds(6_500))
        // The first request has left the window; the second (at 4 s) is still in it.
        #expect(limiter.take(policy, key: "a") == .allowed)
        #expect(limiter.take(policy, key: "a") == .limited(retryAfterSeconds: 4))
        #expect(limiter.take(SlidingWindowRateLimiter.Policy(name: "never", limit: 0, window: .seconds(5)), key: "a") == .limited(retryAfterSeconds: 5))
        let disabled = SlidingWindowRateLimiter(clock: clock.dispatchClock, isEnabled: false)
        #expect(disabled.take(SlidingWindowRateLimiter.Policy(name: "x", limit: 0, window: .seconds(1)), key: "a") == .allowed)
    }

    @Test("past its key bound, the limiter forgets idle keys first, then the least recently used; the rest keep counting")
    func boundedKeys() {
        let clock = ManualClock()
        let limiter = SlidingWindowRateLimiter(clock: clock.dispatchClock, maximumKeys: 4)
        let short = SlidingWindowRateLimiter.Policy(name: "short", limit: 1, window: .seconds(1))
        let long = SlidingWindowRateLimiter.Policy(name: "long", limit: 1, window: .seconds(100))
        #expect(limiter.take(long, key: "kept") == .allowed)
        for key in ["a", "b", "c"] { #expect(limiter.take(short, key: key) == .allowed) }
        clock.advance(by: .seconds(2))
        // A fifth key drops the three whose one-second window has passed; the long window's key is still counted.
        #expect(limiter.take(short, key: "d") == .allowed)
        #expect(limiter.take(long, key: "kept") == .limited(retryAfterSeconds: 98))
    }

    @Test("a route's limit is counted under a policy of its own, per its period")
    func routePolicy() {
        let policy = HTTPRateLimit(requests: 3, period: .hour, key: .caller).policy(for: "CreateNote")
        #expect(policy == SlidingWindowRateLimiter.Policy(name: "CreateNote", limit: 3, window: .seconds(3_600)))
    }

    @Test("auth policies admit, refuse as unauthenticated, or as forbidden")
    func authDecisions() {
        let plain = HTTPCaller(id: "u1")
        let admin = HTTPCaller(id: "u2", roles: ["admin"], permissions: ["notes:purge"])
        #expect(HTTPAuthPolicy.anonymous.decision(for: nil) == .admitted)
        #expect(HTTPAuthPolicy.authenticated.decision(for: nil) == .unauthenticated)
        #expect(HTTPAuthPolicy.authenticated.decision(for: plain) == .admitted)
        #expect(HTTPAuthPolicy.role("admin").decision(for: nil) == .unauthenticated)
        #expect(HTTPAuthPolicy.role("admin").decision(for: plain) == .forbidden)
        #expect(HTTPAuthPolicy.role("admin").decision(for: admin) == .admitted)
        #expect(HTTPAuthPolicy.permission("notes:purge").decision(for: plain) == .forbidden)
        #expect(HTTPAuthPolicy.permission("notes:purge").decision(for: admin) == .admitted)
    }
}
