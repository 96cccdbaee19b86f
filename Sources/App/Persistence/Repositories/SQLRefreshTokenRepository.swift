import Foundation
import SQLKit

struct SQLRefreshTokenRepository: RefreshTokenRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> RefreshTokenRecord? {
        try await session.read { db in
            try await db.first(RefreshTokenRecord.self, "SELECT * FROM refresh_tokens WHERE id = \(bind: id)")
        }
    }

    func find(tokenHash: String) async throws -> RefreshTokenRecord? {
        try await session.read { db in
            try await db.first(RefreshTokenRecord.self, "SELECT * FROM refresh_tokens WHERE token_hash = \(bind: tokenHash)")
        }
    }

    func save(_ token: RefreshTokenRecord) async throws {
        try await session.write { db in try await db.upsert(token, into: "refresh_tokens") }
    }

    func revokeAll(userId: UUID, reason: String, at date: Date) async throws -> Int {
        try await session.write { db in
            try await db.changedRows("""
                UPDATE refresh_tokens SET revoked_at = \(bind: date), revoked_reason = \(bind: reason)
                WHERE user_id = \(bind: userId) AND revoked_at IS NULL AND expires_at > \(bind: date)
                RETURNING id
                """)
        }
    }
}
