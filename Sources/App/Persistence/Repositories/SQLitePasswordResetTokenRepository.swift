import Foundation
import GRDB

struct SQLitePasswordResetTokenRepository: PasswordResetTokenRepository {
    let session: DatabaseSession

    /// The token with this plaintext; the record carries the plaintext back, so that saving it again finds its row.
    func find(token: String) async throws -> PasswordResetToken? {
        try await session.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM password_reset_tokens WHERE token = ?", arguments: [TokenDigest.of(token)])
                .map { row in var record = try PasswordResetToken(row: row); record.token = token; return record }
        }
    }

    func save(_ token: PasswordResetToken) async throws {
        try await session.write { db in
            try db.upsert(into: "password_reset_tokens", key: ["token"], [
                ("token", TokenDigest.of(token.token)), ("user_id", token.userId.databaseText), ("expires_at", token.expiresAt.databaseSeconds),
                ("used_at", token.usedAt?.databaseSeconds), ("ip_address", token.ipAddress), ("user_agent", token.userAgent),
                ("created_at", token.createdAt.databaseSeconds),
            ])
        }
    }

    func count(userId: UUID, since date: Date) async throws -> Int {
        try await session.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM password_reset_tokens WHERE user_id = ? AND created_at >= ?",
                arguments: [userId.databaseText, date.databaseSeconds]) ?? 0
        }
    }
}

extension PasswordResetToken {
    init(row: Row) throws {
        self.init(
            token: row["token"], userId: try row.uuid("user_id"), expiresAt: try row.date("expires_at"),
            usedAt: row.optionalDate("used_at"), ipAddress: row["ip_address"], userAgent: row["user_agent"],
            createdAt: try row.date("created_at"))
    }
}
