import CQRS
import Foundation

/// A registered user.
struct User: Sendable, Hashable {
    var id: UUID
    /// Lower-cased; unique.
    var email: String
    var passwordHash: String
    var roles: [String]
    var isVerified: Bool
    var isActive: Bool
    var failedLoginAttempts: Int
    var lockedUntil: Date?
    /// Raised by a token rotation, which invalidates every token issued to the user before it.
    var tokenVersion: Int
    /// When the token version was last raised: refresh tokens issued earlier are rejected.
    var tokenVersionChangedAt: Date?
    var createdAt: Date
    var updatedAt: Date

    /// Failed logins that lock the account, and for how long.
    static let lockoutThreshold = 5
    static let lockoutDuration: TimeInterval = 15 * 60

    func isLocked(at now: Date) -> Bool {
        lockedUntil.map { $0 > now } ?? false
    }
}
