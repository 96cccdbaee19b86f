import CQRS
/// Unguessable tokens for links sent by email, from the system's cryptographic random source.
enum RandomToken {
    /// `bytes` random bytes as lowercase hexadecimal.
    static func hex(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
