import CQRS
import Foundation

/// A login session on one device.
struct SessionRecord: Sendable, Hashable, Codable {
    var id: UUID
    var userId: UUID
    var deviceInfo: String?
    var userAgent: String?
    var ipAddress: String?
    var location: String?
    var createdAt: Date
    var lastActivityAt: Date?
    var expiresAt: Date?
    var revokedAt: Date?
    var revokedReason: String?
    var refreshTokenId: UUID?
    /// The last provider the session accessed, for audit.
    var lastProviderAccessed: String?
    var lastProviderAccessedAt: Date?

    /// How many active sessions a user may have before the oldest is evicted.
    static let limitPerUser = 5
    /// How long a session lives when nobody says otherwise.
    static let defaultLifetime: TimeInterval = 30 * 24 * 3600

    func isActive(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }
}
