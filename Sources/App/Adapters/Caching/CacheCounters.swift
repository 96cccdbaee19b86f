import Synchronization

/// Counts cache hits and misses per namespace; `GET /health` shows them.
final class CacheCounters: CacheMetrics {
    private let values = Mutex<[String: Int]>([:])

    func recordHit(_ namespace: String) { values.withLock { $0[namespace + ".hit", default: 0] += 1 } }
    func recordMiss(_ namespace: String) { values.withLock { $0[namespace + ".miss", default: 0] += 1 } }

    var counts: [String: Int] { values.withLock { $0 } }
}
