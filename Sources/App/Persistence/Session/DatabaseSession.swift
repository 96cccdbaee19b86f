import CQRS
import SQLKit
import Synchronization

/// One request's view of the database: every repository of the request is built on the same session, as Dashtam's
/// are on its request-scoped `AsyncSession`.
///
/// Outside a transaction, reads run on a connection of their own and each write is a transaction of its own: on
/// SQLite it holds the writer; on PostgreSQL it runs at READ COMMITTED, where a single statement (an upsert, an
/// insert that skips conflicts) is atomic without ever failing on a concurrent update, and a write that reads
/// before it writes locks what it reads (``SQLDialectKind/lockingRead``). One that loses a deadlock is run again
/// (each write is one closure, so running it again is safe).
///
/// Inside one, both engines give the dispatcher the same contract: a transaction that finds what it read changed
/// before it could write reports ``hadConflict``, keeps nothing, and the command is run again.
/// - SQLite: the transaction is optimistic. It takes the one writer connection at its first write, as SQLite's
///   deferred transactions do, so that a handler's slow work before it writes (hashing a password, calling a
///   provider) does not hold up every other writer. If any write committed since its first read, its first write
///   fails with a ``TransactionConflict``. One begun `immediately` takes the writer at once and never conflicts.
/// - PostgreSQL: the transaction opens at its first statement, at SERIALIZABLE isolation; PostgreSQL refuses the
///   loser of a conflict (SQLSTATE 40001), at a statement or at the commit. Every writing transaction holds one
///   advisory lock of the database: shared when optimistic, exclusive when begun `immediately`. One begun
///   immediately so waits for the others to end, and holds up new ones, across every instance: it runs alone, and
///   never conflicts, as SQLite's does by holding the writer.
///
/// From the transaction's first write on (PostgreSQL: its first statement), its reads and writes use one connection
/// and see its own changes, and nothing is visible to others until ``commit()``.
final class DatabaseSession: UnitOfWork {
    private enum Mode {
        case autocommit
        /// Asked for; opens at the first write (SQLite) or statement (PostgreSQL).
        case pendingTransaction
        /// Open on the lease this session holds.
        case openTransaction(ConnectionLease)
    }

    private struct State {
        var mode = Mode.autocommit
        /// SQLite: the data version before the transaction's first read.
        var firstReadVersion: UInt64?
        var hadConflict = false
    }

    /// How many times a write outside a transaction is run when it keeps losing deadlocks.
    static let autocommitAttempts = 5
    /// The key of the PostgreSQL advisory lock that writing transactions hold (shared, or exclusive when begun
    /// `immediately`): one per schema, so that databases of the App that share a PostgreSQL database (the tests')
    /// do not wait for each other.
    static let writersLock = "\(0x4351_5253), hashtext(current_schema())"

    let database: AppDatabase
    private let state = Mutex(State())

    init(database: AppDatabase) {
        self.database = database
    }

    private var engine: any DatabaseEngine { database.engine }

    /// Whether the last transaction found that what it had read was out of date.
    var hadConflict: Bool { state.withLock(\.hadConflict) }

    /// Runs `body` on a connection that sees this session's writes.
    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if let lease = try await transactionLease(forWriting: false) {
            return try await inTransaction(lease, body)
        }
        let lease = try await engine.reader()
        defer { lease.end() }
        return try await body(lease.database)
    }

    /// Runs `body` inside the session's transaction when there is one, else in a transaction of its own, committed
    /// at once: a read and a write in one `body` see no other write between them.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if let lease = try await transactionLease(forWriting: true) {
            return try await inTransaction(lease, body)
        }
        let lease = try await engine.writer()
        defer { lease.end() }
        var attempt = 1
        while true {
            try await begin(on: lease, autocommit: true)
            do {
                let value = try await body(lease.database)
                try await commit(on: lease)
                database.dataVersion.advance()
                return value
            } catch {
                await end(on: lease)
                guard engine.isConflict(error), attempt < Self.autocommitAttempts else { throw error }
                attempt += 1
            }
        }
    }

    /// Starts a transaction: optimistic, opening at the session's next write (SQLite) or statement (PostgreSQL), or
    /// `immediately`.
    func begin(immediately: Bool = false) async throws {
        state.withLock { state in
            guard case .autocommit = state.mode else {
                preconditionFailure("a DatabaseSession runs one transaction at a time")
            }
            state = State(mode: .pendingTransaction)
        }
        if immediately { _ = try await open(immediately: true, checkingReadsSince: nil) }
    }

    /// Makes the transaction's writes visible to everyone. When the commit fails, the transaction is rolled back and
    /// the error thrown; a conflict found at the commit (PostgreSQL) sets ``hadConflict``.
    func commit() async throws {
        guard let lease = finish() else { return }
        defer { lease.end() }
        do {
            try await commit(on: lease)
        } catch {
            if engine.isConflict(error) {
                state.withLock { $0.hadConflict = true }
                throw TransactionConflict()
            }
            throw error
        }
        // Before the connection is handed on (the deferred end above): the next transaction sees the new version.
        database.dataVersion.advance()
    }

    /// Discards the transaction's writes.
    func rollback() async {
        guard let lease = finish() else { return }
        defer { lease.end() }
        await end(on: lease)
    }

    /// The open transaction's lease, opening it when this statement is the one that opens it; nil outside one, and
    /// for SQLite's reads before the first write (which run on a reader, and note the data version).
    private func transactionLease(forWriting: Bool) async throws -> ConnectionLease? {
        let (mode, readVersion) = state.withLock { state -> (Mode, UInt64?) in
            if case .pendingTransaction = state.mode, !forWriting, engine.dialect == .sqlite, state.firstReadVersion == nil {
                state.firstReadVersion = database.dataVersion.current
            }
            return (state.mode, state.firstReadVersion)
        }
        switch mode {
        case .autocommit:
            return nil
        case .openTransaction(let lease):
            return lease
        case .pendingTransaction:
            if engine.dialect == .sqlite, !forWriting { return nil }
            return try await open(immediately: false, checkingReadsSince: readVersion)
        }
    }

    /// Takes the transaction's connection and begins the transaction, unless (SQLite) a write committed since
    /// `readVersion`.
    private func open(immediately: Bool, checkingReadsSince readVersion: UInt64?) async throws -> ConnectionLease {
        let lease = try await engine.writer()
        if engine.dialect == .sqlite, let readVersion, readVersion != database.dataVersion.current {
            lease.end()
            state.withLock { $0.hadConflict = true }
            throw TransactionConflict()
        }
        do {
            try await begin(on: lease, immediately: immediately)
        } catch {
            lease.end()
            guard engine.isConflict(error) else { throw error }
            state.withLock { $0.hadConflict = true }
            throw TransactionConflict()
        }
        state.withLock { $0.mode = .openTransaction(lease) }
        return lease
    }

    /// Begins a transaction on `lease`: the dispatcher's (`autocommit` false) or a single write's. On PostgreSQL, the
    /// writers' lock is taken first, outside the transaction: a SERIALIZABLE transaction's snapshot is taken at its
    /// first statement, and must not be older than the wait.
    private func begin(on lease: ConnectionLease, immediately: Bool = false, autocommit: Bool = false) async throws {
        switch engine.dialect {
        case .sqlite:
            try await shielded(lease, ["BEGIN IMMEDIATE"])
        case .postgres:
            let lock = immediately ? "pg_advisory_lock" : "pg_advisory_lock_shared"
            let begin = autocommit ? "BEGIN ISOLATION LEVEL READ COMMITTED" : "BEGIN ISOLATION LEVEL SERIALIZABLE"
            do {
                try await shielded(lease, ["SELECT \(lock)(\(Self.writersLock))", begin])
            } catch {
                await end(on: lease)
                throw error
            }
        }
    }

    /// Commits the transaction on `lease`; when the commit fails, rolls it back and throws. Either way, PostgreSQL's
    /// writers' lock is let go.
    private func commit(on lease: ConnectionLease) async throws {
        do {
            try await shielded(lease, engine.commitStatements)
        } catch {
            await end(on: lease)
            throw error
        }
        await releaseWritersLock(on: lease)
    }

    /// Rolls the transaction on `lease` back, and lets go of PostgreSQL's writers' lock. A failed ROLLBACK leaves
    /// nothing to undo: the engine has already rolled back a transaction it cannot continue.
    private func end(on lease: ConnectionLease) async {
        try? await shielded(lease, ["ROLLBACK"])
        await releaseWritersLock(on: lease)
    }

    /// The lock is the connection's, not the transaction's: the connection goes back to the pool without it.
    private func releaseWritersLock(on lease: ConnectionLease) async {
        guard engine.dialect == .postgres else { return }
        try? await shielded(lease, ["SELECT pg_advisory_unlock_all()"])
    }

    /// Runs `body` in the open transaction; a conflict marks the transaction, for the dispatcher to run it again.
    private func inTransaction<T: Sendable>(
        _ lease: ConnectionLease, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        do {
            return try await body(lease.database)
        } catch where engine.isConflict(error) {
            state.withLock { $0.hadConflict = true }
            throw TransactionConflict()
        }
    }

    /// The open transaction's lease; the session is back outside a transaction either way.
    private func finish() -> ConnectionLease? {
        state.withLock { state in
            defer { state.mode = .autocommit }
            if case .openTransaction(let lease) = state.mode { return lease }
            return nil
        }
    }

    /// Runs statements in a task of its own, so that a cancelled request still opens, commits or rolls back its
    /// transaction and hands the connection on.
    private func shielded(_ lease: ConnectionLease, _ statements: [String]) async throws {
        try await Task.detached {
            for statement in statements {
                try await lease.database.execute(sql: SQLRaw(statement)) { _ in }
            }
        }.value
    }
}

/// A transaction found that data it had read changed before it could write; the command is run again.
struct TransactionConflict: Error, CustomStringConvertible {
    var description: String { "the data this transaction read changed before it could write" }
}
