import HummingbirdBcrypt
import NIOPosix

/// Hashes passwords with bcrypt. A hash costs tens of milliseconds of CPU by design, so it runs on NIO's blocking
/// thread pool, never on the threads that serve requests.
struct BcryptPasswordHasher: PasswordHasher {
    /// bcrypt's work factor: each step doubles the cost. 12 is the common default; tests use the minimum, 4.
    let cost: UInt8
    /// A hash of a password nobody has, at the same cost, for ``verifyWithoutAccount(_:)``.
    private let decoyHash: String

    init(cost: UInt8 = 12) {
        self.cost = cost
        decoyHash = Bcrypt.hash(RandomToken.hex(bytes: 16), cost: cost)
    }

    /// bcrypt reads no further than this many bytes: two passwords that share them would hash alike.
    static let maximumPasswordBytes = 72

    func hash(_ password: String) async throws -> String {
        guard password.utf8.count <= Self.maximumPasswordBytes else { throw PasswordTooLong() }
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// A password longer than bcrypt reads never matches: otherwise any text after a stored 72-byte password would
    /// log in too. It is still verified, so that the answer takes as long as any other.
    func verify(_ password: String, against hash: String) async -> Bool {
        let matches = (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
        return matches && password.utf8.count <= Self.maximumPasswordBytes
    }

    func verifyWithoutAccount(_ password: String) async {
        _ = await verify(password, against: decoyHash)
    }
}

/// A password longer than bcrypt can tell apart; ``Credentials/validatePassword(_:)`` refuses it before hashing.
struct PasswordTooLong: Error, CustomStringConvertible {
    var description: String { "the password is longer than \(BcryptPasswordHasher.maximumPasswordBytes) bytes" }
}
