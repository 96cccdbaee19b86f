import Crypto
import Foundation

/// One-time tokens (email verification, password reset) are kept as their SHA-256 digest, never as the token: a copy
/// of the database does not let anyone verify an address or reset a password. A caller looks a token up by its
/// plaintext, which only the email's recipient has; the adapter hashes it on the way in.
enum TokenDigest {
    static func of(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
