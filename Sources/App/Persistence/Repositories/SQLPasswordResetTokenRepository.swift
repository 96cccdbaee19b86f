import Foundation
import SQLKit

struct SQLPasswordResetTokenRepository: PasswordResetTokenRepository {
    let session: DatabaseSession

    /// The token with this plaintext; the record carries the plaintext back, so that saving it again finds its row.
    func find(token: String) async throws -> PasswordResetToken? {
        let stored = try await session.read { db in
            try await db.first(PasswordResetToken.self, "SELECT * FROM password_reset_tokens WHERE token = \(bind: TokenDigest.of(token))")
        }
        return stored.map { var record = $0; record.token = token; return record }
    }

    func save(_ token: PasswordResetToken) async throws {
        var stored = token
        stored.token = TokenDigest.of(token.token)
        try await session.write { [stored] db in try await db.upsert(stored, into: "password_reset_tokens", key: ["token"]) }
    }

    func count(userId: UUID, since date: Date) async throws -> Int {
        try await session.read { db in
            try await db.scalar(Int.self, """
                SELECT COUNT(*) AS value FROM password_reset_tokens
                WHERE user_id = \(bind: userId) AND created_at >= \(bind: date)
                """) ?? 0
        }
    }
}
