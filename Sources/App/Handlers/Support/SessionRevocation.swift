import Foundation

/// Revoking a session is one rule wherever it happens (logout everywhere, a password reset, a reused refresh
/// token, one session revoked): mark it with the time and the reason, and drop it from the cache, so that its access
/// tokens are refused at their next request.
extension SessionRepository {
    func revoke(_ session: SessionRecord, reason: String, at date: Date, cache: any SessionCache) async throws {
        var session = session
        session.revokedAt = date
        session.revokedReason = reason
        try await save(session)
        await cache.remove(session.id)
    }

    /// Revokes every active session of the user, except `kept`; returns how many.
    func revokeAll(
        userId: UUID, except kept: UUID? = nil, reason: String, at date: Date, cache: any SessionCache
    ) async throws -> Int {
        let sessions = try await list(userId: userId).filter { $0.isActive(at: date) && $0.id != kept }
        for session in sessions {
            try await revoke(session, reason: reason, at: date, cache: cache)
        }
        return sessions.count
    }
}
