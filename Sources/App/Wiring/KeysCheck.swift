import Crypto
import Foundation
import SQLKit

/// At start, compares the key file with the keys the database was last used with (by a fingerprint kept in the
/// database: a hash of the keys, which tells nothing of them).
///
/// When they differ, because the key file was lost and created anew or replaced by another, what the old keys
/// protected can no longer be trusted or read. The server fails safe: every session and refresh token is revoked
/// (opaque refresh tokens are not signed, so new keys alone would not end them), and every active provider
/// connection is marked expired, so that it reports `needs_reauthentication` instead of failing at its next sync.
enum KeysCheck {
    struct Outcome: Equatable, Sendable {
        var keysReplaced: Bool
        var revokedSessions = 0
        var revokedRefreshTokens = 0
        var expiredConnections = 0

        /// The operator's log line; nil when nothing happened.
        func logMessage(keysPath: String) -> String? {
            guard keysReplaced else { return nil }
            return "the key file \(keysPath) does not hold the keys this database was used with (lost or replaced): "
                + "\(revokedSessions) sessions and \(revokedRefreshTokens) refresh tokens revoked, "
                + "\(expiredConnections) provider connections need re-authentication"
        }
    }

    static let revocationReason = "keys_replaced"

    /// Records the keys' fingerprint, and fails safe when the database was used with other keys. `keysCreated`: the
    /// key file did not exist and was created by this start, which for a database that already has users means its
    /// keys were lost (a database from before fingerprints were kept has none to compare).
    static func check(_ secrets: AppSecrets, keysCreated: Bool, database: AppDatabase, at now: Date) async throws -> Outcome {
        let fingerprint = Self.fingerprint(secrets)
        return try await database.session().write { db in
            let stored = try await db.scalar(String?.self, "SELECT keys_fingerprint AS value FROM security_config WHERE id = 1") ?? nil
            let hasUsers = try await db.scalar(Bool.self, "SELECT EXISTS (SELECT 1 FROM users) AS value") ?? false
            var outcome = Outcome(keysReplaced: stored.map { $0 != fingerprint } ?? (keysCreated && hasUsers))
            if outcome.keysReplaced {
                let reason = revocationReason
                outcome.revokedSessions = try await db.changedRows("""
                    UPDATE sessions SET revoked_at = \(bind: now), revoked_reason = \(bind: reason)
                    WHERE revoked_at IS NULL RETURNING id
                    """)
                outcome.revokedRefreshTokens = try await db.changedRows("""
                    UPDATE refresh_tokens SET revoked_at = \(bind: now), revoked_reason = \(bind: reason)
                    WHERE revoked_at IS NULL RETURNING id
                    """)
                outcome.expiredConnections = try await db.changedRows("""
                    UPDATE provider_connections SET status = \(bind: ConnectionStatus.expired), updated_at = \(bind: now)
                    WHERE status = \(bind: ConnectionStatus.active) AND credentials_data IS NOT NULL RETURNING id
                    """)
            }
            if stored != fingerprint {
                try await db.raw("UPDATE security_config SET keys_fingerprint = \(bind: fingerprint) WHERE id = 1").run()
            }
            return outcome
        }
    }

    /// SHA-256 of both keys, hexadecimal.
    static func fingerprint(_ secrets: AppSecrets) -> String {
        SHA256.hash(data: secrets.tokenSigningKey + secrets.credentialEncryptionKey)
            .map { String(format: "%02x", $0) }.joined()
    }
}
