import CQRS
import CQRSTesting
import Foundation
import Testing

@testable import App

/// The rate limits several instances share on PostgreSQL: one budget per key across them, the same sliding window as
/// the in-memory limiter, and no count for a refused request.
@Suite("PostgreSQL rate limits", .enabled(if: !TestDatabase.isSQLite))
struct PostgresRateLimiterTests {
    /// A limiter on each of two instances of one database, on one clock.
    struct Instances {
        let directory: URL
        let databases: [AppDatabase]
        let clock = ManualClock()
        var limiters: [PostgresRateLimiter] { databases.map { PostgresRateLimiter(engine: $0.engine, clock: clock) } }

        init() async throws {
            directory = try TestDatabase.temporaryDirectory()
            databases = [
                try await AppDatabase.open(TestDatabase.location(in: directory)),
                try await AppDatabase.open(TestDatabase.location(in: directory)),
            ]
        }

        func close() async {
            for database in databases { await database.close() }
            try? FileManager.default.removeItem(at: directory)
        }
    }

    @Test("two instances on one database spend one budget per key; the window slides with the clock")
    func sharedBudget() async throws {
        let instances = try await Instances()
        let (limiters, clock) = (instances.limiters, instances.clock)
        let policy = RateLimitPolicy(name: "Login", limit: 3, window: .seconds(60))
        // Alternating between the instances, as a load balancer would.
        #expect(try await limiters[0].take(policy, key: "10.0.0.1") == .allowed)
        clock.advance(by: .seconds(10))
        #expect(try await limiters[1].take(policy, key: "10.0.0.1") == .allowed)
        #expect(try await limiters[0].take(policy, key: "10.0.0.1") == .allowed)
        #expect(try await limiters[1].take(policy, key: "10.0.0.1") == .limited(retryAfterSeconds: 50))
        // Refusals are not counted; other keys and other policies count apart.
        #expect(try await limiters[0].take(policy, key: "10.0.0.1") == .limited(retryAfterSeconds: 50))
        #expect(try await limiters[0].take(policy, key: "10.0.0.2") == .allowed)
        #expect(try await limiters[1].take(RateLimitPolicy(name: "Register", limit: 1, window: .seconds(60)), key: "10.0.0.1") == .allowed)
        // The first request leaves the window 60 s after it was made, exactly.
        clock.advance(by: .milliseconds(49_999))
        #expect(try await limiters[1].take(policy, key: "10.0.0.1") == .limited(retryAfterSeconds: 1))
        clock.advance(by: .milliseconds(1))
        #expect(try await limiters[1].take(policy, key: "10.0.0.1") == .allowed)
        #expect(try await limiters[0].take(policy, key: "10.0.0.1") == .limited(retryAfterSeconds: 10))
        #expect(try await limiters[0].take(RateLimitPolicy(name: "Never", limit: 0, window: .seconds(5)), key: "a") == .limited(retryAfterSeconds: 5))
        await instances.close()
    }

    @Test("concurrent requests of one key from two instances are allowed exactly `limit` times")
    func concurrentTakes() async throws {
        let instances = try await Instances()
        let limiters = instances.limiters
        let policy = RateLimitPolicy(name: "Login", limit: 7, window: .seconds(60))
        let allowed = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<40 {
                group.addTask { try await limiters[index % 2].take(policy, key: "ada@example.com") == .allowed }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(allowed == 7)
        await instances.close()
    }
}
