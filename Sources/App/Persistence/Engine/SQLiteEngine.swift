import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization

/// The App's embedded default: one file in WAL mode, one writer connection shared in turn (``WriterLock``), and a
/// pool of read-only connections that read beside it.
final class SQLiteEngine: DatabaseEngine {
    let dialect = SQLDialectKind.sqlite
    /// Serialises the requests that use the writer connection; tests check that long work lets go of it.
    let writerLock = WriterLock()
    private let writerConnection: SQLiteConnection
    private let readers: SharedPool<SQLiteReaderSource>

    /// Opens the file at `path`, creating it owner-only when it does not exist: it holds password hashes and tokens,
    /// and SQLite creates its -wal and -shm files with the same permissions.
    init(path: String, logger: Logger) async throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw DatabaseFileError(path: path)
            }
        }
        let configuration = SQLiteConfiguration(storage: .file(path: path), enableForeignKeys: true)
        let group = MultiThreadedEventLoopGroup.singleton
        writerConnection = try await SQLiteConnectionSource(configuration: configuration)
            .makeConnection(logger: logger, on: group.any()).get()
        do {
            // WAL lets readers read while the writer writes; it is a property of the file, kept once set.
            _ = try await writerConnection.query("PRAGMA journal_mode = WAL").get()
            try await SQLiteEngine.prepare(writerConnection)
        } catch {
            try? await writerConnection.close().get()
            throw error
        }
        readers = SharedPool(pool: EventLoopGroupConnectionPool(
            source: SQLiteReaderSource(base: SQLiteConnectionSource(configuration: configuration)),
            maxConnectionsPerEventLoop: 4, logger: logger, on: group))
    }

    /// What every connection needs: only another process can hold the file's lock (this one serialises its
    /// writers), so a connection waits for it a while rather than failing at once.
    static func prepare(_ connection: SQLiteConnection) async throws {
        _ = try await connection.query("PRAGMA busy_timeout = 10000").get()
    }

    func reader() async throws -> ConnectionLease {
        let (connection, end) = try await readers.lease()
        return ConnectionLease(database: connection.sql(queryLogLevel: nil), end: end)
    }

    func writer() async throws -> ConnectionLease {
        await writerLock.acquire()
        let lock = writerLock
        return ConnectionLease(database: writerConnection.sql(queryLogLevel: nil)) { lock.release() }
    }

    /// SQLite has one writer, so two transactions never conflict inside it: ``DatabaseSession`` finds the conflicts
    /// of its optimistic transactions by the data version instead.
    func isConflict(_ error: any Error) -> Bool { false }

    let notice: String? = nil
    /// Set by ``shutdown()``, so that the connections are closed once.
    private let isShutDown = Atomic(false)

    let writeMarks = false

    func writeMark() async throws -> String? { nil }

    func watchOtherWriters(_ onWrite: @escaping @Sendable () -> Void) async throws {}

    func shutdown() async {
        guard !isShutDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        await readers.shutdown()
        try? await writerConnection.close().get()
    }

    deinit {
        // An engine dropped without `shutdown()` (a test's) still closes its connections, without waiting.
        guard !isShutDown.load(ordering: .acquiring) else { return }
        readers.shutdownInBackground()
        _ = writerConnection.close()
    }
}

/// Read-only connections to the file, each waiting for a busy file like the writer does.
struct SQLiteReaderSource: ConnectionPoolSource, Sendable {
    let base: SQLiteConnectionSource

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        base.makeConnection(logger: logger, on: eventLoop).flatMap { connection in
            eventLoop.makeFutureWithTask {
                do {
                    try await SQLiteEngine.prepare(connection)
                    _ = try await connection.query("PRAGMA query_only = 1").get()
                    return connection
                } catch {
                    try? await connection.close().get()
                    throw error
                }
            }
        }
    }
}

/// A database file that could not be created: its folder is missing or not writable.
struct DatabaseFileError: Error, CustomStringConvertible {
    var path: String
    var description: String { "cannot create the database file '\(path)': its folder is missing or not writable" }
}
