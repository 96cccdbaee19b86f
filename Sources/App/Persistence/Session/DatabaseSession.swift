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
///   advisory lock of its schema (``writersLock``): shared when optimistic, exclusive when begun `immediately`. One
///   begun immediately so waits for the others to end, and holds up new ones, across every instance: it runs alone,
///   and never conflicts, as SQLite's does by holding the writer.
///
/// On PostgreSQL a transaction that writes tells the other instances at its commit (``DatabaseEngine/notice``). The
/// notice is queued in the same statement that takes the lock when the transaction is opened by a write, since
/// PostgreSQL sends a transaction's notices only when it commits; a transaction that only read sends none.
///
/// From the transaction's first write on (PostgreSQL: its first statement), its reads and writes use one connection
/// and see its own changes, and nothing is visible to others until ``commit()``.
final class DatabaseSession: UnitOfWork {
    private enum Mode {
        case autocommit
        /// Asked for; opens at the first write (SQLite) or statement (PostgreSQL).
        case pendingTransaction
        /// Open on the lease this session holds.
        case openTransaction(ConnectionLease, Opened)
    }

    /// What opening a transaction on PostgreSQL left for its end to do.
    private struct Opened {
        /// The notice of its writes is queued already.
        var noticeQueued = false
        /// It holds the writers' lock for the connection, not the transaction: the end lets it go.
        var holdsConnectionLock = false
    }

    private struct State {
        var mode = Mode.autocommit
        /// SQLite: the data version before the transaction's first read.
        var firstReadVersion: UInt64?
        var hadConflict = false
        /// The open transaction has written.
        var wrote = false
        /// The transaction locks what it reads rather than conflicting (``beginClaiming()``).
        var claiming = false
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
            state.withLock { $0.wrote = true }
            return try await inTransaction(lease, body)
        }
        let lease = try await engine.writer()
        defer { lease.end() }
        var attempt = 1
        while true {
            let opened = try await begin(on: lease, readCommitted: true)
            do {
                let value = try await body(lease.database)
                try await commit(on: lease, opened, wrote: true)
                database.dataVersion.advance()
                return value
            } catch {
                await end(on: lease, opened)
                guard engine.isConflict(error), attempt < Self.autocommitAttempts else { throw error }
                attempt += 1
            }
        }
    }

    /// Starts a transaction: optimistic, opening at the session's next write (SQLite) or statement (PostgreSQL), or
    /// `immediately`.
    func begin(immediately: Bool = false) async throws {
        try await start(immediately: immediately, claiming: false)
    }

    /// Starts a transaction that guards what it changes by locking it as it reads it (``SQLDialectKind/claimingRead``,
    /// ``SQLDialectKind/lockingRead``) instead of by conflicting: on PostgreSQL it runs at READ COMMITTED, where each
    /// statement sees the latest commits and a concurrent write never fails it (a deadlock still does). On SQLite its
    /// first statement is its claim, a write, which takes the writer.
    func beginClaiming() async throws {
        try await start(immediately: false, claiming: true)
    }

    private func start(immediately: Bool, claiming: Bool) async throws {
        state.withLock { state in
            guard case .autocommit = state.mode else {
                preconditionFailure("a DatabaseSession runs one transaction at a time")
            }
            state = State(mode: .pendingTransaction, claiming: claiming)
        }
        if immediately { _ = try await open(immediately: true, forWriting: false, checkingReadsSince: nil) }
    }

    /// Makes the transaction's writes visible to everyone. When the commit fails, the transaction is rolled back and
    /// the error thrown; a conflict found at the commit (PostgreSQL) sets ``hadConflict``.
    func commit() async throws {
        guard let (lease, opened, wrote) = finish() else { return }
        defer { lease.end() }
        do {
            try await commit(on: lease, opened, wrote: wrote)
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
        guard let (lease, opened, _) = finish() else { return }
        defer { lease.end() }
        await end(on: lease, opened)
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
        case .openTransaction(let lease, _):
            return lease
        case .pendingTransaction:
            if engine.dialect == .sqlite, !forWriting { return nil }
            return try await open(immediately: false, forWriting: forWriting, checkingReadsSince: readVersion)
        }
    }

    /// Takes the transaction's connection and begins the transaction, unless (SQLite) a write committed since
    /// `readVersion`.
    private func open(
        immediately: Bool, forWriting: Bool, checkingReadsSince readVersion: UInt64?
    ) async throws -> ConnectionLease {
        let lease = try await engine.writer()
        if engine.dialect == .sqlite, let readVersion, readVersion != database.dataVersion.current {
            lease.end()
            state.withLock { $0.hadConflict = true }
            throw TransactionConflict()
        }
        let opened: Opened
        do {
            let claiming = state.withLock(\.claiming)
            opened = try await begin(on: lease, immediately: immediately, readCommitted: claiming, forWriting: forWriting)
        } catch {
            lease.end()
            guard engine.isConflict(error) else { throw error }
            state.withLock { $0.hadConflict = true }
            throw TransactionConflict()
        }
        state.withLock { $0.mode = .openTransaction(lease, opened) }
        return lease
    }

    /// Begins a transaction on `lease`: the dispatcher's, a claiming one's or a single write's (those two at READ
    /// COMMITTED). On PostgreSQL each takes the writers' lock, in as few round trips as its isolation allows:
    /// - one at READ COMMITTED takes it for the transaction, and queues its notice, in one statement after `BEGIN`
    ///   (each of its statements reads the data as of its own start, so a wait costs nothing);
    /// - an optimistic transaction, at SERIALIZABLE, does the same (its notice only when it opens with a write): its
    ///   snapshot is taken at that statement, so after a wait for a transaction begun immediately it may be stale,
    ///   and then conflicts, as an optimistic transaction may;
    /// - one begun immediately takes the lock exclusive before `BEGIN`, for the connection: its snapshot, taken at
    ///   its first statement, must not predate the wait, since it must not conflict.
    private func begin(
        on lease: ConnectionLease, immediately: Bool = false, readCommitted: Bool = false, forWriting: Bool = true
    ) async throws -> Opened {
        switch engine.dialect {
        case .sqlite:
            try await shielded(lease, ["BEGIN IMMEDIATE"])
            return Opened()
        case .postgres:
            let notice = engine.notice.map { ", " + $0 } ?? ""
            let (statements, opened): ([String], Opened) =
                if immediately {
                    (
                        ["SELECT pg_advisory_lock(\(Self.writersLock))", "BEGIN ISOLATION LEVEL SERIALIZABLE"],
                        Opened(noticeQueued: false, holdsConnectionLock: true)
                    )
                } else {
                    (
                        [
                            readCommitted ? "BEGIN ISOLATION LEVEL READ COMMITTED" : "BEGIN ISOLATION LEVEL SERIALIZABLE",
                            "SELECT pg_advisory_xact_lock_shared(\(Self.writersLock))" + (forWriting ? notice : ""),
                        ],
                        Opened(noticeQueued: forWriting && !notice.isEmpty, holdsConnectionLock: false)
                    )
                }
            do {
                try await shielded(lease, statements)
            } catch {
                await end(on: lease, opened)
                throw error
            }
            return opened
        }
    }

    /// Commits the transaction on `lease`, with the notice of its writes when it wrote and has not queued it yet;
    /// when the commit fails, rolls it back and throws. Either way, a connection's lock is let go.
    private func commit(on lease: ConnectionLease, _ opened: Opened, wrote: Bool) async throws {
        let notice = wrote && !opened.noticeQueued ? engine.notice.map { ["SELECT " + $0] } ?? [] : []
        do {
            try await shielded(lease, notice + ["COMMIT"])
        } catch {
            await end(on: lease, opened)
            throw error
        }
        await releaseConnectionLock(on: lease, opened)
    }

    /// Rolls the transaction on `lease` back, and lets go of a connection's lock. A failed ROLLBACK leaves nothing to
    /// undo: the engine has already rolled back a transaction it cannot continue.
    private func end(on lease: ConnectionLease, _ opened: Opened) async {
        try? await shielded(lease, ["ROLLBACK"])
        await releaseConnectionLock(on: lease, opened)
    }

    /// A lock taken for the connection outlives the transaction: the connection goes back to the pool without it.
    /// (A transaction's own lock ends with it.)
    private func releaseConnectionLock(on lease: ConnectionLease, _ opened: Opened) async {
        guard opened.holdsConnectionLock else { return }
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

    /// The open transaction's lease, how it was opened and whether it wrote; the session is back outside a
    /// transaction either way.
    private func finish() -> (ConnectionLease, Opened, wrote: Bool)? {
        state.withLock { state in
            defer { state.mode = .autocommit }
            if case .openTransaction(let lease, let opened) = state.mode { return (lease, opened, state.wrote) }
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
