import Synchronization

/// A number that grows each time a write to the database commits. Caches tag what they store with the version they
/// read at, and serve it only while the version is unchanged: a read after a write never sees data from before it.
final class DataVersion: Sendable {
    private let value = Atomic<UInt64>(0)

    var current: UInt64 { value.load(ordering: .acquiring) }

    /// Called after a write commits, never before: a reader that sees the new version sees the new data.
    func advance() {
        value.add(1, ordering: .releasing)
    }
}
