import CQRS
import Foundation
import Logging
import Synchronization

/// Delivers domain events to their subscribers, in the process, in order. The dispatcher publishes here only after a
/// command's transaction commits, and each event arrives in its envelope: the operation that published it and the
/// request's context (caller, correlation id, causation id), for the log and for audit.
///
/// Subscribers come from the spec's flags: every event marked `logging` (the default) is logged here, with its
/// payload as encoded, which leaves out the fields the spec marks `secret`; ``EventSubscriptions`` wires the audit log
/// and the mailer from the others. A subscriber may also ask for events by name.
final class InProcessEventBus: EventPublisher {
    typealias Subscriber = @Sendable (EventEnvelope<DomainEvent>) async -> Void

    private let byName = Mutex<[DomainEventName: [Subscriber]]>([:])
    private let toEvery = Mutex<[Subscriber]>([])
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    func subscribe(_ name: DomainEventName, _ subscriber: @escaping Subscriber) {
        byName.withLock { $0[name, default: []].append(subscriber) }
    }

    /// Hears every event, to act on the ones whose metadata it wants.
    func subscribeToEvery(_ subscriber: @escaping Subscriber) {
        toEvery.withLock { $0.append(subscriber) }
    }

    func publish(_ envelope: EventEnvelope<DomainEvent>) async throws {
        let event = envelope.event
        if event.eventMetadata.requiresLogging {
            var metadata: Logger.Metadata = [
                "operation": .string(envelope.operation), "correlation_id": .string(envelope.context.correlationId),
                "payload": .string(Self.payload(of: event)),
            ]
            if let caller = envelope.context.caller { metadata["caller"] = .string(caller) }
            if let causation = envelope.context.causationId { metadata["causation_id"] = .string(causation) }
            logger.info("event \(event.eventName)", metadata: metadata)
        }
        for subscriber in toEvery.withLock({ $0 }) + byName.withLock({ $0[event.name] ?? [] }) {
            await subscriber(envelope)
        }
    }

    /// The event's payload as JSON with sorted keys, secrets left out: what the log and the audit log keep.
    static func payload(of event: DomainEvent) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(event) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
