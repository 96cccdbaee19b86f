import CQRS
import Foundation
import Logging
import Synchronization

/// Delivers domain events to the subscribers registered for their names, in the process, in order. The dispatcher
/// publishes here only after a command's transaction commits, and each event arrives in its envelope: the operation
/// that published it and the request's context (caller, correlation id, causation id), for the log and for audit.
final class InProcessEventBus: EventPublisher {
    typealias Subscriber = @Sendable (EventEnvelope<DomainEvent>) async -> Void

    private let subscribers = Mutex<[DomainEventName: [Subscriber]]>([:])
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    func subscribe(_ name: DomainEventName, _ subscriber: @escaping Subscriber) {
        subscribers.withLock { $0[name, default: []].append(subscriber) }
    }

    func publish(_ envelope: EventEnvelope<DomainEvent>) async throws {
        let event = envelope.event
        var metadata = event.attributes.filter { !Self.secretAttributes.contains($0.key) }.mapValues { Logger.MetadataValue.string($0) }
        metadata["operation"] = .string(envelope.operation)
        metadata["correlation_id"] = .string(envelope.context.correlationId)
        if let caller = envelope.context.caller { metadata["caller"] = .string(caller) }
        if let causation = envelope.context.causationId { metadata["causation_id"] = .string(causation) }
        logger.info("event \(event.name.rawValue)", metadata: metadata)
        for subscriber in subscribers.withLock({ $0[event.name] ?? [] }) {
            await subscriber(envelope)
        }
    }

    /// Attributes that carry a secret for a subscriber, never for the log.
    static let secretAttributes: Set<String> = ["verification_token"]
}

/// The subscribers the application registers: what happens because of an event rather than inside a command.
enum EventSubscriptions {
    /// Mails the verification link once a registration has committed (Dashtam does this in an event handler too).
    static func register(on bus: InProcessEventBus, mailer: any EmailService, baseURL: String, logger: Logger) {
        bus.subscribe(.userRegistrationSucceeded) { envelope in
            let event = envelope.event
            guard let email = event.attributes["email"], let token = event.attributes["verification_token"] else { return }
            let message = EmailMessage(
                to: email, subject: "Verify your email address",
                body: "Verify your address with this token: \(token)\n"
                    + "curl -X POST \(baseURL)/api/v1/email-verifications -H 'Content-Type: application/json' -d '{\"token\": \"\(token)\"}'")
            do {
                try await mailer.send(message)
            } catch {
                logger.error("could not send the verification email", metadata: [
                    "error": "\(error)", "correlation_id": "\(envelope.context.correlationId)",
                ])
            }
        }
    }
}
