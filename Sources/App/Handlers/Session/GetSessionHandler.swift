import CQRS
import Foundation

/// One of the user's sessions, read through the session cache.
struct GetSessionHandler: GetSessionHandling {
    let sessionRepository: any SessionRepository
    let sessionCache: any SessionCache

    func handle(_ query: GetSession) async -> Result<SessionResult, OperationError> {
        await handling {
            var session = await sessionCache.get(query.sessionId)
            if session == nil {
                session = try await sessionRepository.find(id: query.sessionId)
                if let session { await sessionCache.set(session) }
            }
            guard let session, session.userId == query.userId else { return .failure(.sessionNotFound) }
            return .success(SessionResult(
                id: session.id, userId: session.userId, deviceInfo: session.deviceInfo, ipAddress: session.ipAddress,
                location: session.location, createdAt: session.createdAt, lastActivityAt: session.lastActivityAt,
                expiresAt: session.expiresAt, isRevoked: session.revokedAt != nil))
        }
    }
}
