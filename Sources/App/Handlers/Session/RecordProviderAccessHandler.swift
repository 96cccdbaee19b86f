import CQRS
import Foundation

/// Records, for audit, that a session accessed a provider. Runs outside a transaction: an audit record must not
/// hold up or roll back the request it describes.
struct RecordProviderAccessHandler: RecordProviderAccessHandling {
    let sessionRepository: any SessionRepository
    let eventBus: any EventBus

    func handle(_ command: RecordProviderAccess) async -> Result<Void, OperationError> {
        await handling {
            guard var session = try await sessionRepository.find(id: command.sessionId) else { return .failure(.sessionNotFound) }
            let now = Date()
            session.lastProviderAccessed = command.providerName
            session.lastProviderAccessedAt = now
            try await sessionRepository.save(session)
            await eventBus.publish(DomainEvent(.sessionProviderAccessEvent, at: now, [
                "session_id": session.id.uuidString, "user_id": session.userId.uuidString, "provider": command.providerName,
            ]))
            return .success(())
        }
    }
}
