import CQRS
import Foundation

/// A registered user.
struct User: Sendable, Hashable, Codable {
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

    /// Counts a login attempt before its password is checked; false when the account is locked and the password must
    /// not be checked at all.
    ///
    /// Counting first is what makes the lockout hold against guesses sent at once: of any number of concurrent
    /// attempts, only the first ``lockoutThreshold`` are admitted (the last of them starts the lock), however long
    /// each takes to verify. A correct password then clears the count (``clearFailedLogins(at:)``); a wrong one
    /// has nothing more to record.
    mutating func admitLoginAttempt(at now: Date) -> Bool {
        if isLocked(at: now) { return false }
        if lockedUntil != nil {
            // The lock has run out: a fresh count.
            lockedUntil = nil
            failedLoginAttempts = 0
        }
        failedLoginAttempts += 1
        if failedLoginAttempts >= Self.lockoutThreshold {
            lockedUntil = now.addingTimeInterval(Self.lockoutDuration)
        }
        updatedAt = now
        return true
    }

    /// A login succeeded: the attempts before it, and a lock the attempt itself started, no longer count.
    mutating func clearFailedLogins(at now: Date) {
        failedLoginAttempts = 0
        lockedUntil = nil
        updatedAt = now
    }
}
