import CQRS
import Foundation

/// Mails a password reset link. Answers the same whether or not the account exists, so that nobody can learn which
/// addresses are registered; the events record what really happened.
struct RequestPasswordResetHandler: RequestPasswordResetHandling {
    let userRepository: any UserRepository
    let passwordResetTokenRepository: any PasswordResetTokenRepository
    let passwordResetTokenService: any PasswordResetTokenService
    let emailService: any EmailService
    let clock: any WallClock
    let events: RequestPasswordResetEvents

    /// Reset requests one user may make per hour.
    static let requestsPerHour = 3

    func handle(_ command: RequestPasswordReset) async -> Result<PasswordResetRequestResponse, OperationError> {
        // The events record what happened; the answer is the same either way.
        _ = await events.passwordResetRequest(PasswordResetRequestAttempted(email: command.email, ipAddress: command.ipAddress)) { () async throws -> Result<Void, OperationError> in
            guard case .success(let email) = Credentials.normalizedEmail(command.email),
                  let user = try await userRepository.find(email: email)
            else { return .failure(.userNotFound) }
            guard user.isVerified else {
                return .failure(OperationError(.userNotVerified, message: "The email address is not verified."))
            }
            let now = clock.now
            guard try await passwordResetTokenRepository.count(userId: user.id, since: now.addingTimeInterval(-3600)) < Self.requestsPerHour else {
                return .failure(OperationError(.rateLimited, message: "Too many reset requests."))
            }
            let token = PasswordResetToken(
                token: passwordResetTokenService.generate(), userId: user.id,
                expiresAt: now.addingTimeInterval(passwordResetTokenService.lifetime), usedAt: nil,
                ipAddress: command.ipAddress, userAgent: command.userAgent, createdAt: now)
            try await passwordResetTokenRepository.save(token)
            try await emailService.send(EmailMessage(
                to: user.email, subject: "Reset your password",
                body: "Use this code to reset your password within the hour: \(token.token)"))
            return .success(())
        }
        return .success(PasswordResetRequestResponse())
    }
}
