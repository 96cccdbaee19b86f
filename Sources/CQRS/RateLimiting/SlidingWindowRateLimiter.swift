import Synchronization

extension HTTPRateLimit {
    /// The policy a route's limit is counted under: one of its own, by the route's operation and the limit's place
    /// among the route's limits.
    public func policy(for operation: String, index: Int = 0) -> RateLimitPolicy {
        RateLimitPolicy(
            name: index == 0 ? operation : "\(operation)#\(index + 1)", limit: requests, window: period.duration)
    }
}

/// Counts requests per policy and key in memory, in a sliding window: a key may make `limit` requests in any
/// `window`. What it keeps is bounded: at most `limit` instants per key, and at most ``maximumKeys`` keys (past that,
/// keys whose window has passed are dropped, then the least recently used half).
///
/// One process's memory: several instances would each count on their own.
public final class SlidingWindowRateLimiter: RequestRateLimiter {
    public typealias Policy = RateLimitPolicy
    public typealias Decision = RateLimitDecision

    private struct Key: Hashable {
        var policy: String
        var key: String
    }

    private struct Entry {
        /// The instants of the requests counted in the current window, oldest first.
        var requests: [ContinuousClock.Instant]
        var lastUsed: ContinuousClock.Instant
        var window: Duration
    }

    public let maximumKeys: Int

    private let clock: DispatchClock
    private let isEnabled: Bool
    private let entries = Mutex<[Key: Entry]>([:])

    /// `isEnabled: false` allows everything, for tests of other behaviour that make many requests from one address.
    public init(clock: DispatchClock = .continuous, isEnabled: Bool = true, maximumKeys: Int = 100_000) {
        self.clock = clock
        self.isEnabled = isEnabled
        self.maximumKeys = max(2, maximumKeys)
    }

    /// Counts one request of `key` under `policy`, unless the policy's limit is reached.
    public func take(_ policy: Policy, key: String) -> Decision {
        guard isEnabled else { return .allowed }
        let now = clock.now()
        return entries.withLock { entries in
            let slot = Key(policy: policy.name, key: String(key.prefix(Self.maximumKeyLength)))
            var entry = entries[slot] ?? Entry(requests: [], lastUsed: now, window: policy.window)
            entry.requests.removeAll { $0 + policy.window <= now }
            entry.lastUsed = now
            entry.window = policy.window
            guard entry.requests.count < policy.limit else {
                entries[slot] = entry
                guard let oldest = entry.requests.first else {
                    return .limited(retryAfterSeconds: Decision.seconds(policy.window))
                }
                return .limited(retryAfterSeconds: Decision.seconds(oldest + policy.window - now))
            }
            entry.requests.append(now)
            entries[slot] = entry
            if entries.count > maximumKeys { evict(&entries, now: now) }
            return .allowed
        }
    }

    /// Drops keys with nothing left in their window, then, if still too many, all but the most recently used half.
    private func evict(_ entries: inout [Key: Entry], now: ContinuousClock.Instant) {
        entries = entries.filter { $0.value.lastUsed + $0.value.window > now }
        guard entries.count > maximumKeys / 2 else { return }
        let keep = entries.sorted { $0.value.lastUsed > $1.value.lastUsed }.prefix(maximumKeys / 2)
        entries = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
    }
}
