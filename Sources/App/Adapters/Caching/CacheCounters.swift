import Synchronization

/// Counts cache hits and misses per namespace, for the log and the tests.
final class CacheCounters: CacheMetrics {
    private let counts = Mutex<[String: Int]>([:])

    func recordHit(_ namespace: String) { counts.withLock { $0[namespace + ".hit", default: 0] += 1 } }
    func recordMiss(_ namespace: String) { counts.withLock { $0[namespace + ".miss", default: 0] += 1 } }

    /// `namespace.hit` or `namespace.miss`.
    func count(_ key: String) -> Int { counts.withLock { $0[key, default: 0] } }
}
