import CQRS
import Synchronization

/// A bounded in-memory cache whose entries are valid for a time-to-live and only while the database is unchanged.
///
/// Every entry carries the ``WriteVersion`` its value was read at. A committed write advances the version, so the
/// entry stops being served at once: a read after a write through the API never returns data from before it. A
/// value read before a write that committed while it was computed is tagged with the older version and never served.
/// That is coarse (any write empties the cache), and deliberately so: it is correct without knowing which rows a
/// value came from.
final class VersionedStore<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var version: UInt64
        var expiresAt: ContinuousClock.Instant
    }

    private let entries = Mutex<[Key: Entry]>([:])
    private let version: WriteVersion
    private let clock: DispatchClock
    private let capacity: Int

    init(version: WriteVersion, clock: DispatchClock, capacity: Int = 10_000) {
        self.version = version
        self.clock = clock
        self.capacity = capacity
    }

    /// The value, if it was stored at the current data version and has not expired.
    func value(for key: Key) -> Value? {
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
    func store(_ value: Value, for key: Key, readAt readVersion: UInt64, timeToLive: Duration) {
        let current = version.current, now = clock.now()
        guard readVersion == current else { return }
        entries.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.version == current && $0.value.expiresAt > now }
                // Still full of live entries: start again rather than grow without bound.
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(value: value, version: readVersion, expiresAt: now.advanced(by: timeToLive))
        }
    }

    func remove(_ key: Key) {
        _ = entries.withLock { $0.removeValue(forKey: key) }
    }
}
