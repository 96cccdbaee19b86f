import CQRS
import Foundation

/// The message for each event the spec marks `email`. The switch is exhaustive: an event newly marked `email` in the
/// spec does not compile here until it has a message.
enum EventEmails {
    static func message(for event: DomainEvent, baseURL: String) -> EmailMessage? {
        guard let event = event.emailEvent else { return nil }
        return switch event {
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
    }
}
