import CQRS
import Synchronization

/// A unit of work over an in-memory key-value store, for tests of handlers and of dispatch without a database:
/// writes made in a transaction are visible to it at once and to everyone after the commit, and gone after a rollback.
/// It can be told to report conflicts or to fail its commit, to test what the dispatcher does then.
public final class InMemoryUnitOfWork: UnitOfWork {
    private struct State {
        var committed: [String: String] = [:]
        var pending: [String: String]?
        var conflictsLeft = 0
        var failsCommit = false
        var hadConflict = false
        var steps: [String] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// The next `count` optimistic transactions report a conflict when they finish.
    public func conflict(times count: Int) {
        state.withLock { $0.conflictsLeft = count }
    }

    /// Whether commits fail (and roll back) from now on.
    public func failCommits(_ fails: Bool = true) {
        state.withLock { $0.failsCommit = fails }
    }

    /// What the dispatcher asked, in order: `begin`, `begin immediately`, `commit`, `rollback`.
    public var steps: [String] { state.withLock(\.steps) }

    /// What everyone sees: the committed writes.
    public var committed: [String: String] { state.withLock(\.committed) }

    /// Writes in the open transaction, or at once when none is open.
    public func write(_ key: String, _ value: String) {
        state.withLock { state in
            if state.pending != nil { state.pending![key] = value } else { state.committed[key] = value }
        }
    }

    /// Reads what the open transaction sees.
    public func read(_ key: String) -> String? {
        state.withLock { $0.pending?[key] ?? $0.committed[key] }
    }

    public func begin(immediately: Bool) async throws {
        state.withLock { state in
            state.steps.append(immediately ? "begin immediately" : "begin")
            state.pending = [:]
            state.hadConflict = !immediately && state.conflictsLeft > 0
            if state.hadConflict { state.conflictsLeft -= 1 }
        }
    }

    public func commit() async throws {
        let failed = state.withLock { state -> Bool in
            state.steps.append("commit")
            defer { state.pending = nil }
            guard !state.failsCommit else { return true }
            state.committed.merge(state.pending ?? [:]) { $1 }
            return false
        }
        if failed { throw CommitFailed() }
    }

    public func rollback() async {
        state.withLock { state in
            state.steps.append("rollback")
            state.pending = nil
        }
    }

    public var hadConflict: Bool { state.withLock(\.hadConflict) }

    /// What a failing commit throws.
    public struct CommitFailed: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "the in-memory store was told to fail its commit" }
    }
}
