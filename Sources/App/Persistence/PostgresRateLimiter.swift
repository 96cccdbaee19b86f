import CQRS
import Foundation
import Synchronization
import SQLKit

/// Counts rate limits in PostgreSQL, so that every instance on the database spends one budget per key: the same
/// sliding window as the runtime's ``SlidingWindowRateLimiter`` (a key may make `limit` requests in any `window`; a
/// refused request is not counted), kept in the `rate_limits` table.
///
/// Each request is one statement: an upsert of the key's row that drops the instants that left the window and adds
/// this one, only if fewer than `limit` remain. PostgreSQL locks the row for the upsert, so two instances counting
/// the same key at once are counted one after the other, and neither sees the other's count before it is written.
/// Only a refusal reads again, for its `Retry-After`.
///
/// The statement runs outside the App's transactions and tells no instance of a write: a count is no data any
/// cached result depends on. Instants come from the App's wall clock, so that tests move them with a manual clock.
final class PostgresRateLimiter: RequestRateLimiter {
    /// One take in this many also drops every row whose window has passed, so that keys used once (a flood of
    /// addresses or emails) do not stay.
    static let purgeInterval = 1_000

    private let engine: any DatabaseEngine
    private let clock: any WallClock
    private let takes = Atomic<Int>(0)

    init(engine: any DatabaseEngine, clock: any WallClock) {
        precondition(engine.dialect == .postgres, "PostgresRateLimiter counts in PostgreSQL")
        self.engine = engine
        self.clock = clock
    }

    func take(_ policy: RateLimitPolicy, key: String) async throws -> RateLimitDecision {
        guard policy.limit > 0 else { return .limited(retryAfterSeconds: RateLimitDecision.seconds(policy.window)) }
        // Whole milliseconds, so that an instant leaves the window exactly when the window says.
        let now = Int64((clock.now.timeIntervalSince1970 * 1_000).rounded())
        let window = Self.milliseconds(policy.window)
        let (name, key) = (policy.name, String(key.prefix(Self.maximumKeyLength)))
        let lease = try await engine.writer()
        defer { lease.end() }
        let db = lease.database
        let counted = try await db.raw("""
            INSERT INTO rate_limits AS r (policy, key, requests, expires_at)
            VALUES (\(bind: name), \(bind: key), ARRAY[\(bind: now)::BIGINT], \(bind: now + window))
            ON CONFLICT (policy, key) DO UPDATE SET
                requests = array(
                    SELECT t FROM unnest(r.requests) AS t WHERE t > \(bind: now - window) ORDER BY t
                ) || \(bind: now)::BIGINT,
                expires_at = \(bind: now + window)
            WHERE (SELECT count(*) FROM unnest(r.requests) AS t WHERE t > \(bind: now - window)) < \(bind: policy.limit)
            RETURNING 1 AS value
            """).first() != nil
        if takes.wrappingAdd(1, ordering: .relaxed).newValue % Self.purgeInterval == 0 {
            try await db.raw("DELETE FROM rate_limits WHERE expires_at <= \(bind: now)").run()
        }
        if counted { return .allowed }
        // Refused: the key may try again when the oldest request in the window leaves it.
        let oldest = try await db.scalar(Int64?.self, """
            SELECT min(t) AS value FROM rate_limits AS r, unnest(r.requests) AS t
            WHERE r.policy = \(bind: name) AND r.key = \(bind: key) AND t > \(bind: now - window)
            """)
        let wait = (oldest.flatMap { $0 } ?? now) + window - now
        return .limited(retryAfterSeconds: RateLimitDecision.seconds(.milliseconds(wait)))
    }

    /// Whole milliseconds, rounded up.
    private static func milliseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return parts.seconds * 1_000 + (parts.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }
}
