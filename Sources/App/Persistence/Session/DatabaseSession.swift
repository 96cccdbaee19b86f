import GRDB
import Synchronization

/// One request's view of the database: every repository of the request is built on the same session, as Dashtam's
/// are on its request-scoped `AsyncSession`.
///
/// Outside a transaction, reads run on a reader connection and each write commits on its own. Inside one (see
/// ``beginTransaction()``), the transaction opens at the first write, as SQLite's deferred transactions do, so that
/// a handler's slow work before it writes (hashing a password, calling a provider) does not hold the writer; from
/// then on reads and writes use the writer connection and see the transaction's own changes, and nothing is
/// visible to other requests until ``commit()``.
final class DatabaseSession: Sendable {
    private enum Mode {
        case autocommit
        /// Asked for; opens at the first write.
        case pendingTransaction
        /// Open on the writer connection, which this session holds.
        case openTransaction
    }

    let database: AppDatabase
    private let mode = Mutex(Mode.autocommit)

    init(database: AppDatabase) {
        self.database = database
    }

    /// Runs `body` on a connection that sees this session's writes.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        if mode.withLock({ $0 }) == .openTransaction {
            return try await database.pool.writeWithoutTransaction(body)
        }
        return try await database.pool.read(body)
    }

    /// Runs `body` on the writer connection: inside the session's transaction when there is one, else committed at once.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        switch mode.withLock({ $0 }) {
        case .openTransaction:
            return try await database.pool.writeWithoutTransaction(body)
        case .pendingTransaction:
            await database.writerLock.acquire()
            do {
                try await shielded { try $0.execute(sql: "BEGIN IMMEDIATE") }
            } catch {
                database.writerLock.release()
                throw error
            }
            mode.withLock { $0 = .openTransaction }
            return try await database.pool.writeWithoutTransaction(body)
        case .autocommit:
            await database.writerLock.acquire()
            defer { database.writerLock.release() }
            let value = try await database.pool.write(body)
            database.dataVersion.advance()
            return value
        }
    }

    /// Starts a transaction; it opens at the session's next write.
    func beginTransaction() {
        mode.withLock { mode in
            precondition(mode == .autocommit, "a DatabaseSession runs one transaction at a time")
            mode = .pendingTransaction
        }
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
        database.dataVersion.advance()
    }

    /// Discards the transaction's writes.
    func rollback() async {
        guard finish() else { return }
        defer { database.writerLock.release() }
        // A failed ROLLBACK leaves nothing to undo: SQLite has already rolled back a transaction it cannot continue.
        try? await shielded { db in if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") } }
    }

    /// Whether a transaction was open; the session is back outside one either way.
    private func finish() -> Bool {
        mode.withLock { mode in
            defer { mode = .autocommit }
            return mode == .openTransaction
        }
    }

    /// Runs a statement on the writer in a task of its own, so that a cancelled request still opens, commits or
    /// rolls back its transaction and hands the writer on.
    private func shielded(_ body: @escaping @Sendable (Database) throws -> Void) async throws {
        let pool = database.pool
        try await Task.detached { try await pool.writeWithoutTransaction(body) }.value
    }
}
