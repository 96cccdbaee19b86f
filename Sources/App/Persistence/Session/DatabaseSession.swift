import CQRS
import GRDB
import Synchronization

/// One request's view of the database: every repository of the request is built on the same session, as Dashtam's
/// are on its request-scoped `AsyncSession`.
///
/// Outside a transaction, reads run on a reader connection and each write commits on its own.
///
/// Inside one, the transaction is optimistic by default: it takes the writer connection at its first write, as
/// SQLite's deferred transactions do, so that a handler's slow work before it writes (hashing a password, calling a
/// provider) does not hold up every other writer. Its reads before that run on a reader; if any write committed
/// since the first of them, what it read may be out of date, so the first write fails with a
/// ``TransactionConflict`` and ``hadConflict`` tells the dispatcher to run the command again. A transaction begun
/// `immediately` takes the writer at once and never conflicts. From its first write on, a transaction's reads and
/// writes use the writer connection and see its own changes, and nothing is visible to others until ``commit()``.
final class DatabaseSession: UnitOfWork {
    private enum Mode {
        case autocommit
        /// Asked for; opens at the first write.
        case pendingTransaction
        /// Open on the writer connection, which this session holds.
        case openTransaction
    }

    private struct State {
        var mode = Mode.autocommit
        /// The data version before the transaction's first read.
        var firstReadVersion: UInt64?
        var hadConflict = false
    }

    let database: AppDatabase
    private let state = Mutex(State())

    init(database: AppDatabase) {
        self.database = database
    }

    /// Whether the last transaction's first write found that what it had read was out of date.
    var hadConflict: Bool { state.withLock(\.hadConflict) }

    /// Runs `body` on a connection that sees this session's writes.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let open = state.withLock { state -> Bool in
            if state.mode == .pendingTransaction, state.firstReadVersion == nil {
                state.firstReadVersion = database.dataVersion.current
            }
            return state.mode == .openTransaction
        }
        if open {
            return try await database.pool.writeWithoutTransaction(body)
        }
        return try await database.pool.read(body)
    }

    /// Runs `body` on the writer connection: inside the session's transaction when there is one, else committed at once.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        switch state.withLock(\.mode) {
        case .openTransaction:
            return try await database.pool.writeWithoutTransaction(body)
        case .pendingTransaction:
            try await open(checkingReadsSince: state.withLock(\.firstReadVersion))
            return try await database.pool.writeWithoutTransaction(body)
        case .autocommit:
            await database.writerLock.acquire()
            defer { database.writerLock.release() }
            let value = try await database.pool.write(body)
            database.dataVersion.advance()
            return value
        }
    }

    /// Starts a transaction: optimistic, opening at the session's next write, or `immediately` holding the writer.
    func begin(immediately: Bool = false) async throws {
        state.withLock { state in
            precondition(state.mode == .autocommit, "a DatabaseSession runs one transaction at a time")
            state = State(mode: .pendingTransaction)
        }
        if immediately { try await open(checkingReadsSince: nil) }
    }

    /// Makes the transaction's writes visible to everyone. When the commit fails, the transaction is rolled back and
    /// the error thrown.
    func commit() async throws {
        guard finish() else { return }
        defer { database.writerLock.release() }
        do {
            try await shielded { try $0.execute(sql: "COMMIT") }
        } catch {
            try? await shielded { db in if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") } }
            throw error
        }
        // Before the writer is released (the deferred release above): the next transaction sees the new version.
        database.dataVersion.advance()
    }

    /// Discards the transaction's writes.
    func rollback() async {
        guard finish() else { return }
        defer { database.writerLock.release() }
        // A failed ROLLBACK leaves nothing to undo: SQLite has already rolled back a transaction it cannot continue.
        try? await shielded { db in if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") } }
    }

    /// Takes the writer and begins the SQLite transaction, unless a write committed since `readVersion`.
    private func open(checkingReadsSince readVersion: UInt64?) async throws {
        await database.writerLock.acquire()
        if let readVersion, readVersion != database.dataVersion.current {
            database.writerLock.release()
            state.withLock { $0.hadConflict = true }
            throw TransactionConflict()
        }
        do {
            try await shielded { try $0.execute(sql: "BEGIN IMMEDIATE") }
        } catch {
            database.writerLock.release()
            throw error
        }
        state.withLock { $0.mode = .openTransaction }
    }

    /// Whether a transaction was open; the session is back outside one either way.
    private func finish() -> Bool {
        state.withLock { state in
            defer { state.mode = .autocommit }
            return state.mode == .openTransaction
        }
    }

    /// Runs a statement on the writer in a task of its own, so that a cancelled request still opens, commits or
    /// rolls back its transaction and hands the writer on.
    private func shielded(_ body: @escaping @Sendable (Database) throws -> Void) async throws {
        let pool = database.pool
        try await Task.detached { try await pool.writeWithoutTransaction(body) }.value
    }
}

/// A transaction's first write found that data it had read changed meanwhile; the command is run again.
struct TransactionConflict: Error, CustomStringConvertible {
    var description: String { "the data this transaction read changed before it could write" }
}
