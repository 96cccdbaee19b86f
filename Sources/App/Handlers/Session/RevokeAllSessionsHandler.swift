import CQRS
import Foundation

/// Revokes every active session of a user (logout everywhere), optionally keeping one; returns how many it revoked.
struct RevokeAllSessionsHandler: RevokeAllUserSessionsHandling {
    let sessionRepository: any SessionRepository
    let sessionCache: any SessionCache
    let eventBus: any EventBus

    func handle(_ command: RevokeAllUserSessions) async -> Result<Int, OperationError> {
        await eventBus.publish(DomainEvent(.allSessionsRevocationAttempted, ["user_id": command.userId.uuidString]))
        let result = await handling { () async throws -> Result<Int, OperationError> in
            .success(try await sessionRepository.revokeAll(
                userId: command.userId, except: command.exceptSessionId, reason: command.reason, at: Date(), cache: sessionCache))
        }
        if case .success(let count) = result {
            await eventBus.publish(DomainEvent(.allSessionsRevokedEvent, [
                "user_id": command.userId.uuidString, "revoked_count": "\(count)", "reason": command.reason,
            ]))
        }
        return result
    }
}
