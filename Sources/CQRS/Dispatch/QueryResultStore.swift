import Synchronization

/// Where the dispatcher keeps query results for their cache policy's time to live. An entry is valid only while the
/// store's data is unchanged: every committed command advances the ``WriteVersion``, and an entry read before that is
/// never served again. Coarse (any write drops every entry), and therefore correct without knowing which rows a
/// result came from.
public protocol QueryResultStore: Sendable {
    /// The value stored for `key` at `version`, if it has not expired.
    func value(for key: QueryResultKey, at version: UInt64) -> (any Sendable)?
    /// Stores a value read at `version`, for `timeToLive`.
    func store(_ value: any Sendable, for key: QueryResultKey, readAt version: UInt64, timeToLive: Duration)
}

/// What a query's result is kept under: the query itself. Queries are `Hashable`, so two requests for the same query
/// with the same fields share an entry, and queries of different types never do; no key is encoded.
public struct QueryResultKey: Hashable, @unchecked Sendable {
    // Unchecked: the box holds a query, and every query is Sendable.
    private let query: AnyHashable

    public init<Q: Query>(_ query: Q) {
        self.query = AnyHashable(query)
    }
}

/// A count that every committed command advances, so that caches know what was read before a write.
public final class WriteVersion: Sendable {
    private let value = Atomic<UInt64>(0)

    public init() {}

    public var current: UInt64 { value.load(ordering: .acquiring) }

    public func advance() {
        value.add(1, ordering: .releasing)
    }
}

/// What the dispatcher reads the time from: the continuous clock, or one a test moves by hand.
public struct DispatchClock: Sendable {
    public var now: @Sendable () -> ContinuousClock.Instant

    public init(now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.now = now
    }

    public static let continuous = DispatchClock { ContinuousClock.now }
}

/// The default store: in memory, bounded in entries. When full, it drops what has expired or was read before the
/// latest write, and if every entry is still live, all of them, rather than grow.
public final class InMemoryQueryResultStore: QueryResultStore {
    private struct Entry {
        var value: any Sendable
        var version: UInt64
        var expiresAt: ContinuousClock.Instant
    }

    private let entries = Mutex<[QueryResultKey: Entry]>([:])
    private let clock: DispatchClock
    public let capacity: Int

    public init(capacity: Int = 10_000, clock: DispatchClock = .continuous) {
        self.capacity = capacity
        self.clock = clock
    }

    public func value(for key: QueryResultKey, at version: UInt64) -> (any Sendable)? {
        let now = clock.now()
        return entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.version == version, entry.expiresAt > now else {
                entries[key] = nil
                return nil
            }
            return entry.value
        }
    }

    public func store(_ value: any Sendable, for key: QueryResultKey, readAt version: UInt64, timeToLive: Duration) {
        let now = clock.now()
        entries.withLock { entries in
            if entries[key] == nil, entries.count >= capacity {
                entries = entries.filter { $0.value.version == version && $0.value.expiresAt > now }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(value: value, version: version, expiresAt: now.advanced(by: timeToLive))
        }
    }

    /// How many entries the store holds, expired ones included.
    public var count: Int { entries.withLock(\.count) }
}
