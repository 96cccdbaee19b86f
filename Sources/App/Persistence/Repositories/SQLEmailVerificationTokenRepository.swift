import Foundation
import SQLKit

struct SQLEmailVerificationTokenRepository: EmailVerificationTokenRepository {
    let session: DatabaseSession

    /// The token with this plaintext; the record carries the plaintext back, so that saving it again finds its row.
    func find(token: String) async throws -> EmailVerificationToken? {
        let stored = try await session.read { db in
            try await db.first(
                EmailVerificationToken.self, "SELECT * FROM email_verification_tokens WHERE token = \(bind: TokenDigest.of(token))")
        }
        return stored.map { var record = $0; record.token = token; return record }
    }

    func save(_ token: EmailVerificationToken) async throws {
        var stored = token
        stored.token = TokenDigest.of(token.token)
        try await session.write { [stored] db in try await db.upsert(stored, into: "email_verification_tokens", key: ["token"]) }
    }
}
