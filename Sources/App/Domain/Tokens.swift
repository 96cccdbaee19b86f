import CQRS
import Foundation

/// A token mailed to a new user to verify their address.
struct EmailVerificationToken: Sendable, Hashable, Codable {
    var token: String
    var userId: UUID
    var expiresAt: Date
    var usedAt: Date?
    var createdAt: Date
}

/// A token mailed to a user who asked to reset their password.
struct PasswordResetToken: Sendable, Hashable, Codable {
    var token: String
    var userId: UUID
    var expiresAt: Date
    var usedAt: Date?
    var ipAddress: String?
    var userAgent: String?
    var createdAt: Date
}

/// An opaque refresh token, stored only as its hash.
struct RefreshTokenRecord: Sendable, Hashable, Codable {
    var id: UUID
    var userId: UUID
    var sessionId: UUID?
    var tokenHash: String
    var expiresAt: Date
    var revokedAt: Date?
    var revokedReason: String?
    /// The global token version when the token was issued.
    var globalTokenVersion: Int
    var createdAt: Date

    func isUsable(at now: Date) -> Bool { revokedAt == nil && expiresAt > now }
}

/// Application-wide token settings: raising the global version invalidates every token issued before, after a
/// grace period.
struct SecurityConfig: Sendable, Hashable, Codable {
    var globalTokenVersion: Int
    var gracePeriodSeconds: Int
    var updatedAt: Date
}

/// What an access token says about its bearer.
struct AccessTokenClaims: Sendable, Hashable {
    var userId: UUID
    var email: String
    var roles: [String]
    /// Every access token belongs to a session, whose revocation ends it at once.
    var sessionId: UUID
    var globalTokenVersion: Int
}
