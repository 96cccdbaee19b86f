import Synchronization

/// Where the dispatcher keeps query results for their cache policy's time to live. An entry is valid only while the
/// store's data is unchanged: every committed command advances the ``WriteVersion``, and an entry read before that is
/// never served again. Coarse (any write drops every entry), and therefore correct without knowing which rows a
/// result came from. ``VersionedStore`` is the default.
public protocol QueryResultStore: Sendable {
    /// The value stored for `key`, if nothing was written since it was read and it has not expired.
    func value(for key: QueryResultKey) -> (any Sendable)?
    /// Stores a value read at `version`, for `timeToLive`; a value read before the latest write is not stored.
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
    @usableFromInline let value = Atomic<UInt64>(0)

    public init() {}

    @inlinable
    public var current: UInt64 { value.load(ordering: .acquiring) }

    @inlinable
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

/// A bounded in-memory store whose entries are valid for a time to live, and only while nothing was written since they
/// were read: the dispatcher's query results (``QueryResultStore``), and any cache an application's handlers keep.
///
/// Every entry carries the ``WriteVersion`` its value was read at. A committed write advances the version, so the
/// entry stops being served at once; a value read before a write that committed while it was computed is not stored.
/// When full, the store drops what has expired or was read before the latest write, and if every entry is still live,
/// all of them, rather than grow.
public final class VersionedStore<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var version: UInt64
        var expiresAt: ContinuousClock.Instant
    }

    private let entries = Mutex<[Key: Entry]>([:])
    private let version: WriteVersion
    private let clock: DispatchClock
    public let capacity: Int

    public init(version: WriteVersion, clock: DispatchClock = .continuous, capacity: Int = 10_000) {
        self.version = version
        self.clock = clock
        self.capacity = capacity
    }

    /// The value, if it was stored at the current version and has not expired.
    public func value(for key: Key) -> Value? {
        let current = version.current, now = clock.now()
        return entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.version == current, entry.expiresAt > now else {
                entries[key] = nil
                return nil
            }
            return entry.value
        }
    }

    /// Stores a value read at `readVersion`; a value read before the latest write is not stored at all.
    public func store(_ value: Value, for key: Key, readAt readVersion: UInt64, timeToLive: Duration) {
        let current = version.current, now = clock.now()
        guard readVersion == current else { return }
        entries.withLock { entries in
            if entries[key] == nil, entries.count >= capacity {
                entries = entries.filter { $0.value.version == current && $0.value.expiresAt > now }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(value: value, version: readVersion, expiresAt: now.advanced(by: timeToLive))
        }
    }

    public func remove(_ key: Key) {
        _ = entries.withLock { $0.removeValue(forKey: key) }
    }

    /// How many entries the store holds, expired ones included.
    public var count: Int { entries.withLock(\.count) }
}

extension VersionedStore: QueryResultStore where Key == QueryResultKey, Value == any Sendable {}
