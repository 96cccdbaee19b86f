import CQRS
import Foundation

/// Revokes every active session of a user (logout everywhere), optionally keeping one; returns how many it revoked.
struct RevokeAllSessionsHandler: RevokeAllUserSessionsHandling {
    let sessionRepository: any SessionRepository
    let sessionCache: any SessionCache
    let clock: any WallClock
    let events: RevokeAllUserSessionsEvents

    func handle(_ command: RevokeAllUserSessions) async -> Result<Int, OperationError> {
        let attempted = AllSessionsRevocationAttempted(userId: command.userId, reason: command.reason)
        return await events.allSessionsRevocation(attempted) { count in
            AllSessionsRevokedEvent(userId: command.userId, reason: command.reason, revokedCount: count)
        } work: {
            .success(try await sessionRepository.revokeAll(
                userId: command.userId, except: command.exceptSessionId, reason: command.reason, at: clock.now, cache: sessionCache))
        }
    }
}
