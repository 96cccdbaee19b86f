import Crypto
import Foundation

/// The keys that sign access tokens and encrypt provider credentials. They live in a file of their own beside the
/// database, never in it: a copy of the database alone reads no credentials and forges no tokens. The file is
/// created with fresh random keys on first start, readable by its owner only, and reused afterwards, so that
/// tokens and credentials survive a restart.
struct AppSecrets: Sendable, Codable, Equatable {
    var tokenSigningKey: [UInt8]
    var credentialEncryptionKey: [UInt8]

    static func random() -> AppSecrets {
        AppSecrets(tokenSigningKey: randomBytes(), credentialEncryptionKey: randomBytes())
    }

    /// The secrets in `path`, or new ones written there when the file does not exist.
    static func loadOrCreate(at path: String) throws -> AppSecrets {
        let url = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: path) {
            let secrets = try JSONDecoder().decode(AppSecrets.self, from: Data(contentsOf: url))
            guard secrets.tokenSigningKey.count == 32, secrets.credentialEncryptionKey.count == 32 else {
                throw AppSecretsError(path: path, reason: "its keys are not 32 bytes each")
            }
            return secrets
        }
        let secrets = random()
        let data = try JSONEncoder().encode(secrets)
        // Created owner-only before a byte is written, so the keys are never readable by others, even briefly.
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw AppSecretsError(path: path, reason: "it could not be created")
        }
        try data.write(to: url)
        return secrets
    }

    private static func randomBytes() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }
}

struct AppSecretsError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot use the key file \(path): \(reason)" }
}
