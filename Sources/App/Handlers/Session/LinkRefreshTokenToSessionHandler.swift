import CQRS
import Foundation

/// Records which refresh token belongs to a session, once the tokens exist. Dashtam registered this command against
/// `CreateSessionHandler`, which could not handle it; this is its own handler.
struct LinkRefreshTokenToSessionHandler: LinkRefreshTokenToSessionHandling {
    let sessionRepository: any SessionRepository
    let sessionCache: any SessionCache
    let clock: any WallClock

    func handle(_ command: LinkRefreshTokenToSession) async -> Result<Void, OperationError> {
        await handling {
            guard var session = try await sessionRepository.find(id: command.sessionId) else { return .failure(.sessionNotFound) }
            guard session.isActive(at: clock.now) else {
                return .failure(OperationError(.sessionInactive, message: "The session is revoked or expired."))
            }
            session.refreshTokenId = command.refreshTokenId
            try await sessionRepository.save(session)
            await sessionCache.set(session)
            return .success(())
        }
    }
}
