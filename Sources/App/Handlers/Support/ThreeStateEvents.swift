import CQRS
import Foundation

extension EventBus {
    /// Dashtam's three-state pattern: publishes `attempted`, runs the work, then publishes `succeeded` or, with the
    /// failure's code as `reason`, `failed`. Infrastructure errors become an `unavailable` failure.
    func recording<Output>(
        _ attempted: DomainEventName, _ succeeded: DomainEventName, _ failed: DomainEventName,
        _ attributes: [String: String], _ work: () async throws -> Result<Output, OperationError>
    ) async -> Result<Output, OperationError> {
        await publish(DomainEvent(attempted, attributes))
        let result = await handling(work)
        switch result {
        case .success:
            await publish(DomainEvent(succeeded, attributes))
        case .failure(let error):
            await publish(DomainEvent(failed, attributes.merging(["reason": error.code]) { _, new in new }))
        }
        return result
    }
}
