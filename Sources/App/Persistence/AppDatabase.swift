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
    /// The reads of the database's write mark that ``catchUp()`` shares.
    private let markReads = Mutex(MarkReads())

    private struct MarkReads {
        /// How many reads have begun; each read is numbered in order.
        var started = 0
        var inFlight: (number: Int, task: Task<Void, Never>)?
        /// The mark the last read found.
        var lastMark: String?
    }

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
    /// the last read, advances the data version. The notices other instances send at their commits do the same, a
    /// moment later; this closes that moment for a request that follows a commit on another instance (a session
    /// revoked there is refused here on the very next request). Nothing on SQLite.
    ///
    /// Calls at once share one read, so that the check costs one round trip per batch of requests, not per request:
    /// a call joins the read in flight if that read began after the call did (it then sees every commit acknowledged
    /// before the call), and otherwise waits for it to end and joins the next. When the mark cannot be read, every
    /// cache is treated as stale.
    func catchUp() async {
        guard engine.writeMarks else { return }
        let arrival = markReads.withLock { $0.started }
        while true {
            let (read, joined) = markReads.withLock { reads -> (Task<Void, Never>, Bool) in
                if let inFlight = reads.inFlight {
                    return (inFlight.task, inFlight.number >= arrival)
                }
                let number = reads.started
                reads.started += 1
                let task = Task { await self.readWriteMark(number) }
                reads.inFlight = (number, task)
                return (task, true)
            }
            await read.value
            if joined { return }
        }
    }

    /// One read of the write mark, shared by every ``catchUp()`` that joined it.
    private func readWriteMark(_ number: Int) async {
        defer { markReads.withLock { if $0.inFlight?.number == number { $0.inFlight = nil } } }
        guard let mark = try? await engine.writeMark() else {
            dataVersion.advance()
            return
        }
        let moved = markReads.withLock { reads in
            defer { reads.lastMark = mark }
            return reads.lastMark != mark
        }
        if moved { dataVersion.advance() }
    }

    /// Closes every connection.
    func close() async {
        await engine.shutdown()
    }
}
