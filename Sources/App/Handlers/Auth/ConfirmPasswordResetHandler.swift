import CQRS
import Foundation

/// Sets a new password with a reset token, logs the user out everywhere (every session, so that access tokens stop
/// at once, and every refresh token). Its `PasswordResetConfirmSucceeded` event is mailed as a confirmation.
struct ConfirmPasswordResetHandler: ConfirmPasswordResetHandling {
    let userRepository: any UserRepository
    let passwordResetTokenRepository: any PasswordResetTokenRepository
    let refreshTokenRepository: any RefreshTokenRepository
    let passwordHasher: any PasswordHasher
    let sessionRepository: any SessionRepository
    let sessionCache: any SessionCache
    let clock: any WallClock
    let events: ConfirmPasswordResetEvents

    func handle(_ command: ConfirmPasswordReset) async -> Result<PasswordResetConfirmResponse, OperationError> {
        let result = await events.passwordResetConfirm(PasswordResetConfirmAttempted()) { user in
            PasswordResetConfirmSucceeded(userId: user.id, email: user.email)
        } work: { () async throws -> Result<User, OperationError> in
            if let error = Credentials.validatePassword(command.newPassword) { return .failure(error) }
            guard var token = try await passwordResetTokenRepository.find(token: command.token) else {
                return .failure(OperationError(.tokenNotFound, message: "Reset token not found."))
            }
            let now = clock.now
            guard token.usedAt == nil else {
                return .failure(OperationError(.tokenAlreadyUsed, message: "This reset link was already used."))
            }
            guard token.expiresAt > now else {
                return .failure(OperationError(.tokenExpired, message: "This reset link has expired."))
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
            return .success(user)
        }
        // The owner is told by the email subscriber, once the reset has committed.
        return result.map { _ in PasswordResetConfirmResponse() }
    }
}
