import CQRS
import Synchronization

/// Counts requests per policy and key in memory, in a sliding window: a key may make `limit` requests in any
/// `window`. What it keeps is bounded: at most `limit` instants per key, and at most ``maximumKeys`` keys (past that,
/// keys whose window has passed are dropped, then the least recently used).
///
/// One process's memory: several instances would each count on their own (a store shared between them is a later
/// step).
final class RateLimiter: Sendable {
    enum Decision: Equatable, Sendable {
        case allowed
        /// Refused; the caller may try again after this many whole seconds.
        case limited(retryAfterSeconds: Int)
    }

    private struct Key: Hashable {
        var policy: String
        var key: String
    }

    private struct Entry {
        /// The instants of the requests counted in the current window, oldest first.
        var requests: [ContinuousClock.Instant]
        var lastUsed: ContinuousClock.Instant
    }

    static let maximumKeys = 100_000
    static let maximumKeyLength = 320

    private let clock: DispatchClock
    private let isEnabled: Bool
    private let entries = Mutex<[Key: Entry]>([:])

    /// `isEnabled: false` allows everything, for tests of other behaviour that make many requests from one address.
    init(clock: DispatchClock = .continuous, isEnabled: Bool = true) {
        self.clock = clock
        self.isEnabled = isEnabled
    }

    /// Counts one request of `key` under `policy`, unless the policy's limit is reached.
    func take(_ policy: RateLimitPolicy, key: String) -> Decision {
        guard isEnabled else { return .allowed }
        let now = clock.now()
        return entries.withLock { entries in
            // A key is an address or an email; a longer one is cut so that a flood of huge keys stays small.
            let slot = Key(policy: policy.name, key: String(key.prefix(Self.maximumKeyLength)))
            var entry = entries[slot] ?? Entry(requests: [], lastUsed: now)
            entry.requests.removeAll { $0 + policy.window <= now }
            entry.lastUsed = now
            guard entry.requests.count < policy.limit else {
                entries[slot] = entry
                let wait = (entry.requests[0] + policy.window - now).components
                return .limited(retryAfterSeconds: max(1, Int(wait.seconds) + (wait.attoseconds > 0 ? 1 : 0)))
            }
            entry.requests.append(now)
            entries[slot] = entry
            if entries.count > Self.maximumKeys { Self.evict(&entries, now: now) }
            return .allowed
        }
    }

    /// Drops keys with nothing left in their window, then, if still too many, the least recently used half.
    private static func evict(_ entries: inout [Key: Entry], now: ContinuousClock.Instant) {
        let longestWindow = RateLimitPolicy.all.map(\.window).max() ?? .seconds(60)
        entries = entries.filter { $0.value.lastUsed + longestWindow > now }
        guard entries.count > maximumKeys / 2 else { return }
        let keep = entries.sorted { $0.value.lastUsed > $1.value.lastUsed }.prefix(maximumKeys / 2)
        entries = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
    }
}
