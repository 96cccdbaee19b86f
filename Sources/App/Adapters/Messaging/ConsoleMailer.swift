import Logging

/// Sends email by writing it to the log, as a development console mailer does: the verification and reset links
/// appear in the server's output, where the person trying the flows reads them.
struct ConsoleMailer: EmailService {
    let logger: Logger

    func send(_ message: EmailMessage) async throws {
        logger.notice("email to \(message.to): \(message.subject)\n\(message.body)")
    }
}
