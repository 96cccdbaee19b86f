import Foundation
import GRDB

struct SQLiteSessionRepository: SessionRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> SessionRecord? {
        try await session.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE id = ?", arguments: [id.databaseText]).map(SessionRecord.init(row:))
        }
    }

    private static let byUser = "SELECT * FROM sessions WHERE user_id = ? ORDER BY created_at DESC, id"

    func list(userId: UUID) async throws -> [SessionRecord] {
        try await session.read { db in
            try Row.fetchAll(db, sql: Self.byUser, arguments: [userId.databaseText]).map(SessionRecord.init(row:))
        }
    }

    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, SessionRecord) -> Void) async throws -> R {
        try await session.fold(Self.byUser, arguments: [userId.databaseText], decode: SessionRecord.init(row:), into: initial, update)
    }

    func save(_ record: SessionRecord) async throws {
        try await session.write { db in
            try db.upsert(into: "sessions", [
                ("id", record.id.databaseText), ("user_id", record.userId.databaseText), ("device_info", record.deviceInfo),
                ("user_agent", record.userAgent), ("ip_address", record.ipAddress), ("location", record.location),
                ("created_at", record.createdAt.databaseSeconds), ("last_activity_at", record.lastActivityAt?.databaseSeconds),
                ("expires_at", record.expiresAt?.databaseSeconds), ("revoked_at", record.revokedAt?.databaseSeconds),
                ("revoked_reason", record.revokedReason), ("refresh_token_id", record.refreshTokenId?.databaseText),
                ("last_provider_accessed", record.lastProviderAccessed),
                ("last_provider_accessed_at", record.lastProviderAccessedAt?.databaseSeconds),
            ])
        }
    }
}

extension SessionRecord {
    init(row: Row) throws {
        self.init(
            id: try row.uuid("id"), userId: try row.uuid("user_id"), deviceInfo: row["device_info"], userAgent: row["user_agent"],
            ipAddress: row["ip_address"], location: row["location"], createdAt: try row.date("created_at"),
            lastActivityAt: row.optionalDate("last_activity_at"), expiresAt: row.optionalDate("expires_at"),
            revokedAt: row.optionalDate("revoked_at"), revokedReason: row["revoked_reason"],
            refreshTokenId: row.optionalUUID("refresh_token_id"), lastProviderAccessed: row["last_provider_accessed"],
            lastProviderAccessedAt: row.optionalDate("last_provider_accessed_at"))
    }
}
