import CQRS
import Foundation

// The caches handlers see during one dispatch: views over the app's versioned stores that know the data version the
// dispatch began at. Only queries fill caches. A command's writes advance the version when they commit, so anything
// it stored would be stale at once; and if its transaction rolled back, it could store data that never existed.

/// Which values a dispatch may put in the caches, and the data version it read at.
struct CacheWriteRule: Sendable {
    var readVersion: UInt64
    var storesValues: Bool
}

/// The app's key-value ``Cache`` as one dispatch sees it.
struct DispatchCache: Cache {
    let store: VersionedStore<String, Data>
    let rule: CacheWriteRule

    func get(_ key: String) async -> Data? { store.value(for: key) }

    func set(_ key: String, _ value: Data, timeToLive: Duration) async {
        guard rule.storesValues else { return }
        store.store(value, for: key, readAt: rule.readVersion, timeToLive: timeToLive)
    }

    func delete(_ key: String) async { store.remove(key) }
}

/// The record caches (``SessionCache``, ``ProviderConnectionCache``) as one dispatch sees them: records by id, for
/// five minutes at most.
struct DispatchRecordCache<Record: Identifiable & Sendable>: Sendable where Record.ID == UUID {
    static var timeToLive: Duration { .seconds(300) }
    let store: VersionedStore<UUID, Record>
    let rule: CacheWriteRule

    func get(_ id: UUID) async -> Record? { store.value(for: id) }

    func set(_ record: Record) async {
        guard rule.storesValues else { return }
        store.store(record, for: record.id, readAt: rule.readVersion, timeToLive: Self.timeToLive)
    }

    func remove(_ id: UUID) async { store.remove(id) }
}

extension DispatchRecordCache: SessionCache where Record == SessionRecord {}
extension DispatchRecordCache: ProviderConnectionCache where Record == ProviderConnection {}

extension SessionRecord: Identifiable {}
extension ProviderConnection: Identifiable {}
