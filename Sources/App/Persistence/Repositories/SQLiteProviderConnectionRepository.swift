import Foundation
import GRDB

struct SQLiteProviderConnectionRepository: ProviderConnectionRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> ProviderConnection? {
        try await session.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM provider_connections WHERE id = ?", arguments: [id.databaseText])
                .map(ProviderConnection.init(row:))
        }
    }

    private static let byUser = "SELECT * FROM provider_connections WHERE user_id = ? ORDER BY created_at, id"

    func list(userId: UUID) async throws -> [ProviderConnection] {
        try await session.read { db in
            try Row.fetchAll(db, sql: Self.byUser, arguments: [userId.databaseText]).map(ProviderConnection.init(row:))
        }
    }

    func fold<R: Sendable>(
        userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, ProviderConnection) -> Void
    ) async throws -> R {
        try await session.fold(Self.byUser, arguments: [userId.databaseText], decode: ProviderConnection.init(row:), into: initial, update)
    }

    func save(_ connection: ProviderConnection) async throws {
        try await session.write { db in try Self.save(connection, in: db) }
    }

    func firstOrInsert(_ connection: ProviderConnection) async throws -> ProviderConnection {
        try await session.write { db in
            if let existing = try Row.fetchOne(
                db, sql: "SELECT * FROM provider_connections WHERE user_id = ? AND provider_id = ? ORDER BY created_at, id LIMIT 1",
                arguments: [connection.userId.databaseText, connection.providerId.databaseText]
            ).map(ProviderConnection.init(row:)) {
                return existing
            }
            try Self.save(connection, in: db)
            return connection
        }
    }

    private static func save(_ connection: ProviderConnection, in db: Database) throws {
        // The credentials arrive encrypted (`encryptedData`); this table never sees them in the clear.
        try db.upsert(into: "provider_connections", [
            ("id", connection.id.databaseText), ("user_id", connection.userId.databaseText),
            ("provider_id", connection.providerId.databaseText), ("provider_slug", connection.providerSlug),
            ("alias", connection.alias), ("status", connection.status.rawValue),
            ("credentials_data", connection.credentials?.encryptedData),
            ("credentials_type", connection.credentials?.credentialType),
            ("credentials_expires_at", connection.credentials?.expiresAt?.databaseSeconds),
            ("connected_at", connection.connectedAt?.databaseSeconds), ("last_sync_at", connection.lastSyncAt?.databaseSeconds),
            ("created_at", connection.createdAt.databaseSeconds), ("updated_at", connection.updatedAt.databaseSeconds),
        ])
    }
}

extension ProviderConnection {
    init(row: Row) throws {
        guard let status = ConnectionStatus(rawValue: row["status"]) else {
            throw StoredValueError(column: "status", expected: "a connection status")
        }
        let credentials: ProviderCredentials? = (row["credentials_data"] as Data?).map { data in
            ProviderCredentials(
                encryptedData: data, credentialType: row["credentials_type"] ?? "",
                expiresAt: row.optionalDate("credentials_expires_at"))
        }
        self.init(
            id: try row.uuid("id"), userId: try row.uuid("user_id"), providerId: try row.uuid("provider_id"),
            providerSlug: row["provider_slug"], alias: row["alias"], status: status, credentials: credentials,
            connectedAt: row.optionalDate("connected_at"), lastSyncAt: row.optionalDate("last_sync_at"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }
}
