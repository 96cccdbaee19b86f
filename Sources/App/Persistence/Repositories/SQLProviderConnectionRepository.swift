import Foundation
import SQLKit

struct SQLProviderConnectionRepository: ProviderConnectionRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> ProviderConnection? {
        try await session.read { db in
            try await db.first(ProviderConnection.self, "SELECT * FROM provider_connections WHERE id = \(bind: id)")
        }
    }

    private static func byUser(_ userId: UUID) -> SQLQueryString {
        "SELECT * FROM provider_connections WHERE user_id = \(bind: userId) ORDER BY created_at, id"
    }

    func list(userId: UUID) async throws -> [ProviderConnection] {
        try await session.read { db in try await db.all(ProviderConnection.self, Self.byUser(userId)) }
    }

    func fold<R: Sendable>(
        userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, ProviderConnection) -> Void
    ) async throws -> R {
        try await session.fold(Self.byUser(userId), into: initial, update)
    }

    /// The credentials arrive encrypted (`encryptedData`); this table never sees them in the clear.
    func save(_ connection: ProviderConnection) async throws {
        try await session.write { db in try await db.upsert(connection, into: "provider_connections") }
    }

    func firstOrInsert(_ connection: ProviderConnection) async throws -> ProviderConnection {
        let lock = session.database.dialect.lockingRead
        return try await session.write { db in
            // The user's row, locked: one user's connections are looked up and added one write at a time.
            _ = try await db.raw("SELECT id FROM users WHERE id = \(bind: connection.userId)\(lock)").all()
            if let existing = try await db.first(ProviderConnection.self, """
                SELECT * FROM provider_connections WHERE user_id = \(bind: connection.userId)
                AND provider_id = \(bind: connection.providerId) ORDER BY created_at, id LIMIT 1
                """) {
                return existing
            }
            try await db.upsert(connection, into: "provider_connections")
            return connection
        }
    }
}
