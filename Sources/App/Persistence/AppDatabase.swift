import CQRS
import Foundation
import Logging
import SQLKit
import Synchronization

/// The application's database, on either engine, created and migrated when it is opened. Requests use it through
/// their own ``DatabaseSession``.
final class AppDatabase: Sendable {
    let location: DatabaseLocation
    let engine: any DatabaseEngine
    /// Advances with every committed write of this process, and of every other it hears of; the caches check it.
    let dataVersion = WriteVersion()
    /// The database's write mark when ``catchUp()`` last read it.
    private let lastWriteMark = Mutex<String?>(nil)

    private init(location: DatabaseLocation, engine: any DatabaseEngine) {
        self.location = location
        self.engine = engine
    }

    /// Opens the database at `location` (creating a SQLite file that does not exist) and applies every migration
    /// it lacks.
    static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "App.database")) async throws -> AppDatabase {
        let engine: any DatabaseEngine = switch location {
        case .sqlite(let path): try await SQLiteEngine(path: path, logger: logger)
        case .postgres(let url, let schema): try await PostgresEngine(url: url, schema: schema, logger: logger)
        }
        let database = AppDatabase(location: location, engine: engine)
        do {
            try await Migrations.migrate(engine)
            // Another instance's commit empties this one's caches, as this one's own commits do.
            let version = database.dataVersion
            try await engine.watchOtherWriters { version.advance() }
        } catch {
            await engine.shutdown()
            throw error
        }
        return database
    }

    var dialect: SQLDialectKind { engine.dialect }

    /// SQLite's writer lock; nil on PostgreSQL, which has none.
    var writerLock: WriterLock? { (engine as? SQLiteEngine)?.writerLock }

    /// A new session for one request.
    func session() -> DatabaseSession {
        DatabaseSession(database: self)
    }

    /// The migrations applied to this database, oldest first.
    func appliedMigrations() async throws -> [String] {
        let lease = try await engine.reader()
        defer { lease.end() }
        return try await Migrations.applied(on: lease.database)
    }

    /// Makes sure that nothing this instance has cached predates a commit of another instance that was acknowledged
    /// before this call: it reads the database's write mark (``DatabaseEngine/writeMark()``) and, when it moved since
    /// the last call, advances the data version. The notices other instances send at their commits do the same, a
    /// moment later; this closes that moment for a request that follows a commit on another instance (a session
    /// revoked there is refused here on the very next request). One short read on PostgreSQL; nothing on SQLite.
    /// When the mark cannot be read, every cache is treated as stale.
    func catchUp() async {
        let mark: String?
        do {
            mark = try await engine.writeMark()
        } catch {
            dataVersion.advance()
            return
        }
        guard let mark else { return }
        let moved = lastWriteMark.withLock { last in
            defer { last = mark }
            return last != mark
        }
        if moved { dataVersion.advance() }
    }

    /// Closes every connection.
    func close() async {
        await engine.shutdown()
    }
}
