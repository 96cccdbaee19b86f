import SQLKit

/// One engine behind the App's repositories: it lends connections, and it tells a conflict from other failures.
/// ``DatabaseSession`` holds what is common to both (the transactions' states and the retries).
protocol DatabaseEngine: Sendable {
    var dialect: SQLDialectKind { get }

    /// A connection that sees every committed write, for reads outside a transaction.
    func reader() async throws -> ConnectionLease

    /// The connection a transaction runs on, held until the lease is ended. SQLite lends its one writer connection,
    /// one holder at a time, waiting for it in order; PostgreSQL lends any connection of its pool.
    func writer() async throws -> ConnectionLease

    /// Whether `error` says that the transaction lost to a concurrent one and may succeed when run again.
    func isConflict(_ error: any Error) -> Bool

    /// The SQL expression that tells every other instance, when the transaction it runs in commits, that the data
    /// changed (PostgreSQL's `pg_notify`); nil for SQLite, which has no other instance.
    var notice: String? { get }

    /// Whether other processes write to the database, so that ``writeMark()`` means something.
    var writeMarks: Bool { get }

    /// A value that is different after any commit on the database since it was last read: PostgreSQL's current
    /// snapshot (`xmin:xmax:in-progress ids`), which a commit always changes, since the committed transaction leaves
    /// the in-progress list. It also changes when a transaction starts to write, so it may move with no commit; a
    /// reader then empties its caches for nothing, never keeps a stale one. Nil on SQLite, which one process owns.
    func writeMark() async throws -> String?

    /// Calls `onWrite` whenever another process commits a write, from when it returns: SQLite has no other writer
    /// (one process owns its file); PostgreSQL's instances hear each other's commits through LISTEN/NOTIFY.
    func watchOtherWriters(_ onWrite: @escaping @Sendable () -> Void) async throws

    /// Closes every connection; the engine lends none after.
    func shutdown() async
}

/// A connection lent to one holder, who ends the lease exactly once.
struct ConnectionLease: Sendable {
    let database: any SQLDatabase
    let end: @Sendable () -> Void
}
