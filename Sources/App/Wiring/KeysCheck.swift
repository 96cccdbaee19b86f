import Crypto
import Foundation
import GRDB

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
    static func check(_ secrets: AppSecrets, keysCreated: Bool, database: AppDatabase, at now: Date) throws -> Outcome {
        let fingerprint = Self.fingerprint(secrets)
        return try database.pool.write { db in
            let stored = try String.fetchOne(db, sql: "SELECT keys_fingerprint FROM security_config WHERE id = 1")
            let hasUsers = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM users)") ?? false
            var outcome = Outcome(keysReplaced: stored.map { $0 != fingerprint } ?? (keysCreated && hasUsers))
            if outcome.keysReplaced {
                let seconds = now.databaseSeconds
                try db.execute(
                    sql: "UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE revoked_at IS NULL",
                    arguments: [seconds, revocationReason])
                outcome.revokedSessions = db.changesCount
                try db.execute(
                    sql: "UPDATE refresh_tokens SET revoked_at = ?, revoked_reason = ? WHERE revoked_at IS NULL",
                    arguments: [seconds, revocationReason])
                outcome.revokedRefreshTokens = db.changesCount
                try db.execute(
                    sql: "UPDATE provider_connections SET status = ?, updated_at = ? WHERE status = ? AND credentials_data IS NOT NULL",
                    arguments: [ConnectionStatus.expired.rawValue, seconds, ConnectionStatus.active.rawValue])
                outcome.expiredConnections = db.changesCount
            }
            if stored != fingerprint {
                try db.execute(sql: "UPDATE security_config SET keys_fingerprint = ? WHERE id = 1", arguments: [fingerprint])
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
