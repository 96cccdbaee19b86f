import CQRS
import Foundation

/// Records, for audit, that a session accessed a provider. Runs outside a transaction: an audit record must not
/// hold up or roll back the request it describes.
struct RecordProviderAccessHandler: RecordProviderAccessHandling {
    let sessionRepository: any SessionRepository
    let clock: any WallClock
    let events: RecordProviderAccessEvents

    func handle(_ command: RecordProviderAccess) async -> Result<Void, OperationError> {
        await handling {
            guard var session = try await sessionRepository.find(id: command.sessionId) else { return .failure(.sessionNotFound) }
            let now = clock.now
            session.lastProviderAccessed = command.providerName
            session.lastProviderAccessedAt = now
            try await sessionRepository.save(session)
            events.publish(SessionProviderAccessEvent(
                sessionId: session.id, userId: session.userId, providerName: command.providerName))
            return .success(())
        }
    }
}
