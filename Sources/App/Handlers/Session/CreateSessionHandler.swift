import CQRS
import Foundation

/// Creates a session enriched with its device and location. At the session limit, the oldest active session is
/// revoked first.
struct CreateSessionHandler: CreateSessionHandling {
    let sessionRepository: any SessionRepository
    let sessionCache: any SessionCache
    let userRepository: any UserRepository
    let deviceEnricher: any DeviceEnricher
    let locationEnricher: any LocationEnricher
    let clock: any WallClock
    let events: CreateSessionEvents

    func handle(_ command: CreateSession) async -> Result<CreateSessionResponse, OperationError> {
        await handling {
            guard try await userRepository.find(id: command.userId) != nil else { return .failure(.userNotFound) }
            let now = clock.now
            let active = try await sessionRepository.list(userId: command.userId).filter { $0.isActive(at: now) }
            if active.count >= SessionRecord.limitPerUser {
                for var oldest in active.sorted(by: { $0.createdAt < $1.createdAt }).prefix(active.count - SessionRecord.limitPerUser + 1) {
                    oldest.revokedAt = now
                    oldest.revokedReason = "session_limit"
                    try await sessionRepository.save(oldest)
                    await sessionCache.remove(oldest.id)
                    events.publish(SessionEvictedEvent(userId: command.userId, sessionId: oldest.id))
                }
            }
            let session = SessionRecord(
                id: UUID(), userId: command.userId, deviceInfo: deviceEnricher.deviceDescription(userAgent: command.userAgent),
                userAgent: command.userAgent, ipAddress: command.ipAddress,
                location: await locationEnricher.location(ipAddress: command.ipAddress), createdAt: now, lastActivityAt: now,
                expiresAt: command.expiresAt ?? now.addingTimeInterval(SessionRecord.defaultLifetime), revokedAt: nil,
                revokedReason: nil, refreshTokenId: command.refreshTokenId)
            try await sessionRepository.save(session)
            await sessionCache.set(session)
            events.publish(SessionCreatedEvent(userId: command.userId, sessionId: session.id))
            return .success(CreateSessionResponse(
                sessionId: session.id, deviceInfo: session.deviceInfo, location: session.location,
                expiresAt: session.expiresAt ?? now))
        }
    }
}
