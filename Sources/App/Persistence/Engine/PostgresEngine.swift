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

    /// SQLSTATE 40001 (serialization failure) and 40P01 (deadlock detected): the transaction was chosen to lose
    /// and rolled back, and nothing of it stands.
    func isConflict(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    func shutdown() async {
        await pool.shutdown()
    }

    deinit {
        pool.shutdownInBackground()
    }
}
