import AsyncKit

/// AsyncKit's connection pool, shared across tasks. It is safe to share although not marked `Sendable`: it guards
/// its own state with a lock, and each event loop's pool does its work on that loop.
struct SharedPool<Source: ConnectionPoolSource & SendableMetatype>: @unchecked Sendable where Source.Connection: Sendable {
    let pool: EventLoopGroupConnectionPool<Source>

    /// A connection of the pool, and the closure that gives it back.
    func lease() async throws -> (connection: Source.Connection, end: @Sendable () -> Void) {
        let connection = try await pool.requestConnection().get()
        return (connection, { [self] in pool.releaseConnection(connection) })
    }

    func shutdown() async {
        try? await pool.shutdownAsync()
    }

    /// Closes the connections without waiting: for an engine dropped without being shut down.
    func shutdownInBackground() {
        pool.shutdownGracefully { _ in }
    }
}
