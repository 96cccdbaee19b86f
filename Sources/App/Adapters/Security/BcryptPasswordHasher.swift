import HummingbirdBcrypt
import NIOPosix

/// Hashes passwords with bcrypt. A hash costs tens of milliseconds of CPU by design, so it runs on NIO's blocking
/// thread pool, never on the threads that serve requests.
struct BcryptPasswordHasher: PasswordHasher {
    /// bcrypt's work factor: each step doubles the cost. 12 is the common default; tests use the minimum, 4.
    let cost: UInt8

    init(cost: UInt8 = 12) {
        self.cost = cost
    }

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async -> Bool {
        (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
    }
}
