import CQRS
import Foundation
import Logging
import SQLKit

/// The application's database, on either engine, created and migrated when it is opened. Requests use it through
/// their own ``DatabaseSession``.
final class AppDatabase: Sendable {
    let location: DatabaseLocation
    let engine: any DatabaseEngine
    /// Advances with every committed write of this process; the caches check it.
    let dataVersion = WriteVersion()

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

    /// Closes every connection.
    func close() async {
        await engine.shutdown()
    }
}
