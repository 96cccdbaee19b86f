import Foundation
import GRDB

struct SQLiteEmailVerificationTokenRepository: EmailVerificationTokenRepository {
    let session: DatabaseSession

    /// The token with this plaintext; the record carries the plaintext back, so that saving it again finds its row.
    func find(token: String) async throws -> EmailVerificationToken? {
        try await session.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM email_verification_tokens WHERE token = ?", arguments: [TokenDigest.of(token)])
                .map { row in var record = try EmailVerificationToken(row: row); record.token = token; return record }
        }
    }

    func save(_ token: EmailVerificationToken) async throws {
        try await session.write { db in
            try db.upsert(into: "email_verification_tokens", key: ["token"], [
                ("token", TokenDigest.of(token.token)), ("user_id", token.userId.databaseText), ("expires_at", token.expiresAt.databaseSeconds),
                ("used_at", token.usedAt?.databaseSeconds), ("created_at", token.createdAt.databaseSeconds),
            ])
        }
    }
}

extension EmailVerificationToken {
    init(row: Row) throws {
        self.init(
            token: row["token"], userId: try row.uuid("user_id"), expiresAt: try row.date("expires_at"),
            usedAt: row.optionalDate("used_at"), createdAt: try row.date("created_at"))
    }
}
