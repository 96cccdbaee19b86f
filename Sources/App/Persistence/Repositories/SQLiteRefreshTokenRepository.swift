import Foundation
import GRDB

struct SQLiteRefreshTokenRepository: RefreshTokenRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> RefreshTokenRecord? {
        try await session.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM refresh_tokens WHERE id = ?", arguments: [id.databaseText])
                .map(RefreshTokenRecord.init(row:))
        }
    }

    func find(tokenHash: String) async throws -> RefreshTokenRecord? {
        try await session.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM refresh_tokens WHERE token_hash = ?", arguments: [tokenHash])
                .map(RefreshTokenRecord.init(row:))
        }
    }

    func save(_ token: RefreshTokenRecord) async throws {
        try await session.write { db in
            try db.upsert(into: "refresh_tokens", [
                ("id", token.id.databaseText), ("user_id", token.userId.databaseText), ("session_id", token.sessionId?.databaseText),
                ("token_hash", token.tokenHash), ("expires_at", token.expiresAt.databaseSeconds),
                ("revoked_at", token.revokedAt?.databaseSeconds), ("revoked_reason", token.revokedReason),
                ("global_token_version", token.globalTokenVersion), ("created_at", token.createdAt.databaseSeconds),
            ])
        }
    }

    func revokeAll(userId: UUID, reason: String, at date: Date) async throws -> Int {
        try await session.write { db in
            try db.execute(
                sql: """
                    UPDATE refresh_tokens SET revoked_at = ?, revoked_reason = ?
                    WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?
                    """,
                arguments: [date.databaseSeconds, reason, userId.databaseText, date.databaseSeconds])
            return db.changesCount
        }
    }
}

extension RefreshTokenRecord {
    init(row: Row) throws {
        self.init(
            id: try row.uuid("id"), userId: try row.uuid("user_id"), sessionId: row.optionalUUID("session_id"),
            tokenHash: row["token_hash"], expiresAt: try row.date("expires_at"), revokedAt: row.optionalDate("revoked_at"),
            revokedReason: row["revoked_reason"], globalTokenVersion: row["global_token_version"],
            createdAt: try row.date("created_at"))
    }
}
