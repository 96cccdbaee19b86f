import Crypto
import Foundation

/// Refresh tokens are 32 random bytes in URL-safe base64; only their SHA-256 is stored, so a copy of the database
/// does not let anyone refresh.
struct OpaqueRefreshTokens: RefreshTokenService {
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 30 * 24 * 3600) {
        self.lifetime = lifetime
    }

    func generate() -> (token: String, hash: String) {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let token = bytes.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return (token, hash(token))
    }

    func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Password reset tokens: 32 random bytes in hexadecimal, valid for an hour.
struct RandomResetTokens: PasswordResetTokenService {
    let lifetime: TimeInterval = 3600

    func generate() -> String { RandomToken.hex() }
}
