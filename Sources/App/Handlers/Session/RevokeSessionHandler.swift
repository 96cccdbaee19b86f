import CQRS
import Foundation

/// Revokes one of the user's sessions; returns its id.
struct RevokeSessionHandler: RevokeSessionHandling {
    let sessionRepository: any SessionRepository
    let sessionCache: any SessionCache
    let clock: any WallClock
    let events: RevokeSessionEvents

    func handle(_ command: RevokeSession) async -> Result<UUID, OperationError> {
        let attempted = SessionRevocationAttempted(userId: command.userId, sessionId: command.sessionId, reason: command.reason)
        return await events.sessionRevocation(attempted) {
            // Another user's session is answered as a missing one, so that session ids cannot be probed.
            guard let session = try await sessionRepository.find(id: command.sessionId), session.userId == command.userId else {
                return .failure(.sessionNotFound)
            }
            guard session.revokedAt == nil else {
                return .failure(OperationError(.sessionAlreadyRevoked, message: "The session is already revoked."))
            }
            try await sessionRepository.revoke(session, reason: command.reason, at: clock.now, cache: sessionCache)
            return .success(session.id)
        }
    }
}
