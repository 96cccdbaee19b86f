import Foundation
import Logging
import NIOPosix
import PostgresKit
import Synchronization

/// PostgreSQL: a pool of connections shared by every request of this instance, and by as many instances as share
/// the database. Transactions run at SERIALIZABLE isolation, so that what SQLite guarantees by having one writer,
/// PostgreSQL guarantees by refusing the loser of a conflict, which is then run again.
final class PostgresEngine: DatabaseEngine {
    let dialect = SQLDialectKind.postgres
    private let pool: SharedPool<PostgresConnectionSource>
    private let source: SendableSource
    private let logger: Logger
    /// The channel this database's instances tell each other of their commits on: one per schema.
    private let channel: String
    /// Who this instance is in a notification, so that it ignores its own.
    private let instance = UUID().uuidString
    private let listeners = Mutex<[Task<Void, Never>]>([])

    /// `schema`: created when missing, and the only one the connections see (`search_path`), so that several
    /// databases of the App (tests run many at once) can share one PostgreSQL database.
    init(url: String, schema: String?, logger: Logger) async throws {
        var configuration = try SQLPostgresConfiguration(url: url)
        if let schema {
            configuration.searchPath = [schema]
        }
        // A wait for a lock that outlasts this is a cycle through the application (a request that holds a
        // transaction open while it waits for something queued behind it), which PostgreSQL cannot see: it fails,
        // as a conflict, and the command runs again instead of hanging.
        configuration.coreConfiguration.options.additionalStartupParameters.append(("lock_timeout", "\(Self.lockTimeoutSeconds)s"))
        source = SendableSource(PostgresConnectionSource(sqlConfiguration: configuration))
        self.logger = logger
        channel = "cqrs_writes_" + (schema ?? "public")
        pool = SharedPool(pool: EventLoopGroupConnectionPool(
            source: source.value,
            maxConnectionsPerEventLoop: 8, logger: logger, on: MultiThreadedEventLoopGroup.singleton))
        if let schema {
            do {
                let lease = try await reader()
                defer { lease.end() }
                try await lease.database.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
            } catch {
                await pool.shutdown()
                throw error
            }
        }
    }

    func reader() async throws -> ConnectionLease {
        let (connection, end) = try await pool.lease()
        return ConnectionLease(database: connection.sql(queryLogLevel: nil), end: end)
    }

    func writer() async throws -> ConnectionLease {
        try await reader()
    }

    static let lockTimeoutSeconds = 10

    /// SQLSTATE 40001 (serialization failure), 40P01 (deadlock detected) and 55P03 (a lock not granted within
    /// the timeout): the transaction lost, is rolled back, and nothing of it stands.
    func isConflict(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return ["40001", "40P01", "55P03"].contains(state)
    }

    var notice: String? {
        "pg_notify('\(channel)', '\(instance)')"
    }

    let writeMarks = true

    func writeMark() async throws -> String? {
        let lease = try await reader()
        defer { lease.end() }
        return try await lease.database.scalar(String.self, "SELECT pg_current_snapshot()::text AS value")
    }

    /// Listens on a connection of its own, outside the pool, from before this returns. When the connection is lost
    /// it reconnects, and counts the gap as a write: a commit may have gone unheard.
    func watchOtherWriters(_ onWrite: @escaping @Sendable () -> Void) async throws {
        let (channel, instance, source, logger) = (channel, instance, source, logger)
        try await withCheckedThrowingContinuation { (ready: CheckedContinuation<Void, any Error>) in
            let task = Task {
                var readiness: CheckedContinuation<Void, any Error>? = ready
                while !Task.isCancelled {
                    do {
                        let connection = try await source.value
                            .makeConnection(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()).get()
                        do {
                            try await connection.listen(on: channel) { notifications in
                                readiness?.resume()
                                readiness = nil
                                for try await notification in notifications where notification.payload != instance {
                                    onWrite()
                                }
                            }
                        } catch {
                            // A connection must be closed before it is let go.
                            try? await connection.close()
                            throw error
                        }
                        try? await connection.close()
                    } catch {
                        if let waiting = readiness {
                            readiness = nil
                            waiting.resume(throwing: error)
                            return
                        }
                        if Task.isCancelled { return }
                        logger.warning("lost the connection that hears other instances' writes; reconnecting", metadata: ["error": "\(error)"])
                    }
                    onWrite()
                    try? await Task.sleep(for: .seconds(1))
                }
            }
            listeners.withLock { $0.append(task) }
        }
    }

    func shutdown() async {
        listeners.withLock { $0.forEach { $0.cancel() } }
        await pool.shutdown()
    }

    deinit {
        listeners.withLock { $0.forEach { $0.cancel() } }
        pool.shutdownInBackground()
    }
}

/// PostgresKit's connection source, shared with the listening task: it is immutable configuration.
struct SendableSource: @unchecked Sendable {
    let value: PostgresConnectionSource
    init(_ value: PostgresConnectionSource) { self.value = value }
}
