import CQRS
import Foundation
import Logging

/// The subscribers the application registers, wired from the spec's flags: what happens because of an event rather
/// than inside a command.
enum EventSubscriptions {
    static func register(on bus: InProcessEventBus, mailer: any EmailService, baseURL: String, logger: Logger) {
        // `audit` is not a subscriber: the dispatcher's journal (`AuditLog`) writes it inside each command's transaction.
        // `email`: a message for each event marked so. The switch is exhaustive: an event newly marked `email` in the
        // spec does not compile here until it has a message.
        bus.subscribeToEvery { envelope in
            guard let event = envelope.event.emailEvent else { return }
            let message = switch event {
            case .userRegistrationSucceeded(let registered):
                EmailMessage(
                    to: registered.email, subject: "Verify your email address",
                    body: "Verify your address with this token: \(registered.verificationToken)\n"
                        + "curl -X POST \(baseURL)/api/v1/email-verifications -H 'Content-Type: application/json' "
                        + "-d '{\"token\": \"\(registered.verificationToken)\"}'")
            case .passwordResetConfirmSucceeded(let reset):
                EmailMessage(
                    to: reset.email, subject: "Your password was changed",
                    body: "Your password was reset and every session was logged out. If this was not you, contact support.")
            }
            do {
                try await mailer.send(message)
            } catch {
                logger.error("could not send an email", metadata: [
                    "event": "\(envelope.event.eventName)", "error": "\(error)", "correlation_id": "\(envelope.context.correlationId)",
                ])
            }
        }
    }
}
