import Foundation
import Logging
import NIOPosix
import PostgresKit

/// PostgreSQL: a pool of connections shared by every request of this instance, and by as many instances as share
/// the database. Transactions run at SERIALIZABLE isolation, so that what SQLite guarantees by having one writer,
/// PostgreSQL guarantees by refusing the loser of a conflict, which is then run again.
final class PostgresEngine: DatabaseEngine {
    let dialect = SQLDialectKind.postgres
    private let pool: SharedPool<PostgresConnectionSource>

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
        pool = SharedPool(pool: EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
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

    func shutdown() async {
        await pool.shutdown()
    }

    deinit {
        pool.shutdownInBackground()
    }
}
