import CQRS
import Foundation

/// Marks a user's email address verified with the token mailed at registration; returns the user's id.
struct VerifyEmailHandler: VerifyEmailHandling {
    let userRepository: any UserRepository
    let verificationTokenRepository: any EmailVerificationTokenRepository
    let clock: any WallClock
    let events: VerifyEmailEvents

    func handle(_ command: VerifyEmail) async -> Result<UUID, OperationError> {
        await events.emailVerification(EmailVerificationAttempted()) { userId in
            EmailVerificationSucceeded(userId: userId)
        } work: {
            guard var token = try await verificationTokenRepository.find(token: command.token) else {
                return .failure(OperationError(.tokenNotFound, message: "Verification token not found."))
            }
            let now = clock.now
            guard token.usedAt == nil else {
                return .failure(OperationError(.tokenAlreadyUsed, message: "This verification link was already used."))
            }
            guard token.expiresAt > now else {
                return .failure(OperationError(.tokenExpired, message: "This verification link has expired."))
            }
            guard var user = try await userRepository.find(id: token.userId) else { return .failure(.userNotFound) }
            token.usedAt = now
            user.isVerified = true
            user.updatedAt = now
            try await verificationTokenRepository.save(token)
            try await userRepository.save(user)
            return .success(user.id)
        }
    }
}
