import CQRS
import Foundation
import GRDB

/// The application's SQLite database: one file, created and migrated when it is opened, in WAL mode so that reads
/// run beside the one writer. Requests use it through their own ``DatabaseSession``.
final class AppDatabase: Sendable {
    let pool: DatabasePool
    /// Serialises the requests that use the writer connection; see ``WriterLock``.
    let writerLock = WriterLock()
    /// Advances with every committed write; the caches check it.
    let dataVersion = WriteVersion()

    /// Opens the database at `path`, creating the file if it does not exist, and applies every migration it lacks.
    init(path: String) throws {
        var configuration = Configuration()
        // A request's transaction stays open across its handler's suspension points, guarded by `writerLock`.
        configuration.allowsUnsafeTransactions = true
        // Only another process can hold the file's lock (this one serialises its writers): wait for it a while.
        configuration.busyMode = .timeout(10)
        // A new database is created owner-only, like the keys file: it holds password hashes and tokens. SQLite then
        // creates its -wal and -shm files with the same permissions.
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw DatabaseFileError(path: path)
            }
        }
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

/// A database file that could not be created: its folder is missing or not writable.
struct DatabaseFileError: Error, CustomStringConvertible {
    var path: String
    var description: String { "cannot create the database file '\(path)': its folder is missing or not writable" }
}
