import Crypto
import Foundation

/// Encrypts provider credentials with AES-256-GCM: each message gets a fresh nonce, and tampering is detected on
/// decryption. The ciphertext is nonce, sealed bytes and tag together.
struct AESGCMEncryption: EncryptionService {
    let key: SymmetricKey

    init(key: [UInt8]) {
        self.key = SymmetricKey(data: key)
    }

    func encrypt(_ plaintext: Data) throws -> Data {
        guard let combined = try AES.GCM.seal(plaintext, using: key).combined else {
            // Only a nonce of a non-standard size has no combined form, and `seal` makes a standard one.
            throw CryptoKitError.incorrectParameterSize
        }
        return combined
    }

    func decrypt(_ ciphertext: Data) throws -> Data {
        try AES.GCM.open(AES.GCM.SealedBox(combined: ciphertext), using: key)
    }
}
