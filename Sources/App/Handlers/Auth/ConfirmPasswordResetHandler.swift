import CQRS
import Foundation

/// Sets a new password with a reset token, logs the user out everywhere (every session, so that access tokens stop
/// at once, and every refresh token), and mails a confirmation.
struct ConfirmPasswordResetHandler: ConfirmPasswordResetHandling {
    let userRepository: any UserRepository
    let passwordResetTokenRepository: any PasswordResetTokenRepository
    let refreshTokenRepository: any RefreshTokenRepository
    let passwordHasher: any PasswordHasher
    let emailService: any EmailService
    let eventBus: any EventBus
    let sessionRepository: any SessionRepository
    let sessionCache: any SessionCache

    func handle(_ command: ConfirmPasswordReset) async -> Result<PasswordResetConfirmResponse, OperationError> {
        await eventBus.recording(.passwordResetConfirmAttempted, .passwordResetConfirmSucceeded, .passwordResetConfirmFailed, [:]) {
            if let error = Credentials.validatePassword(command.newPassword) { return .failure(error) }
            guard var token = try await passwordResetTokenRepository.find(token: command.token) else {
                return .failure(OperationError(code: "token_not_found", message: "Reset token not found."))
            }
            let now = Date()
            guard token.usedAt == nil else {
                return .failure(OperationError(code: "token_already_used", message: "This reset link was already used."))
            }
            guard token.expiresAt > now else {
                return .failure(OperationError(code: "token_expired", message: "This reset link has expired."))
            }
            guard var user = try await userRepository.find(id: token.userId) else { return .failure(.userNotFound) }
            user.passwordHash = try await passwordHasher.hash(command.newPassword)
            user.failedLoginAttempts = 0
            user.lockedUntil = nil
            user.updatedAt = now
            token.usedAt = now
            try await userRepository.save(user)
            try await passwordResetTokenRepository.save(token)
            _ = try await refreshTokenRepository.revokeAll(userId: user.id, reason: "password_reset", at: now)
            _ = try await sessionRepository.revokeAll(userId: user.id, reason: "password_reset", at: now, cache: sessionCache)
            try await emailService.send(EmailMessage(
                to: user.email, subject: "Your password was changed",
                body: "Your password was reset and every session was logged out. If this was not you, contact support."))
            return .success(PasswordResetConfirmResponse())
        }
    }
}
