import CQRS
import Foundation

/// Moves a session's last activity time to now, and its IP address when the request came from another one.
struct UpdateSessionActivityHandler: UpdateSessionActivityHandling {
    let sessionRepository: any SessionRepository
    let sessionCache: any SessionCache
    let clock: any WallClock

    func handle(_ command: UpdateSessionActivity) async -> Result<Void, OperationError> {
        await handling {
            guard var session = try await sessionRepository.find(id: command.sessionId) else { return .failure(.sessionNotFound) }
            let now = clock.now
            guard session.isActive(at: now) else {
                return .failure(OperationError(.sessionInactive, message: "The session is revoked or expired."))
            }
            session.lastActivityAt = now
            if let ipAddress = command.ipAddress { session.ipAddress = ipAddress }
            try await sessionRepository.save(session)
            await sessionCache.set(session)
            return .success(())
        }
    }
}
