import Foundation
import GRDB

/// The application's SQLite database: one file, created and migrated when it is opened, in WAL mode so that reads
/// run beside the one writer. Requests use it through their own ``DatabaseSession``.
final class AppDatabase: Sendable {
    let pool: DatabasePool
    /// Serialises the requests that use the writer connection; see ``WriterLock``.
    let writerLock = WriterLock()
    /// Advances with every committed write; the caches check it.
    let dataVersion = DataVersion()

    /// Opens the database at `path`, creating the file if it does not exist, and applies every migration it lacks.
    init(path: String) throws {
        var configuration = Configuration()
        // A request's transaction stays open across its handler's suspension points, guarded by `writerLock`.
        configuration.allowsUnsafeTransactions = true
        // Only another process can hold the file's lock (this one serialises its writers): wait for it a while.
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: configuration)
        try Migrations.migrator.migrate(pool)
    }

    /// A new session for one request.
    func session() -> DatabaseSession {
        DatabaseSession(database: self)
    }

    /// The migrations applied to this file, oldest first.
    func appliedMigrations() throws -> [String] {
        try pool.read { try Migrations.migrator.appliedMigrations($0) }
    }
}
