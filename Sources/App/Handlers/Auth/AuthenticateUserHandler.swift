import CQRS
import Foundation

/// Verifies an email and password, locking the account after repeated failures. Creates no session or tokens.
struct AuthenticateUserHandler: AuthenticateUserHandling {
    let userRepository: any UserRepository
    let passwordHasher: any PasswordHasher
    let eventBus: any EventBus

    static let invalidCredentials = OperationError(code: "invalid_credentials", message: "Invalid email or password.")

    func handle(_ command: AuthenticateUser) async -> Result<AuthenticatedUser, OperationError> {
        await eventBus.recording(.userLoginAttempted, .userLoginSucceeded, .userLoginFailed, ["email": command.email]) {
            guard case .success(let email) = Credentials.normalizedEmail(command.email),
                  var user = try await userRepository.find(email: email)
            else { return .failure(Self.invalidCredentials) }
            let now = Date()
            if user.isLocked(at: now) {
                return .failure(OperationError(code: "account_locked", message: "Too many failed attempts; try again later."))
            }
            guard await passwordHasher.verify(command.password, against: user.passwordHash) else {
                user.failedLoginAttempts += 1
                if user.failedLoginAttempts >= User.lockoutThreshold {
                    user.lockedUntil = now.addingTimeInterval(User.lockoutDuration)
                    user.failedLoginAttempts = 0
                }
                user.updatedAt = now
                try await userRepository.save(user)
                // The count must survive the failure, or the lockout would never come.
                return .failure(Self.invalidCredentials.keepingWrites())
            }
            guard user.isVerified else {
                return .failure(OperationError(code: "email_not_verified", message: "Verify your email address first."))
            }
            guard user.isActive else {
                return .failure(OperationError(code: "account_inactive", message: "This account is deactivated."))
            }
            if user.failedLoginAttempts != 0 || user.lockedUntil != nil {
                user.failedLoginAttempts = 0
                user.lockedUntil = nil
                user.updatedAt = now
                try await userRepository.save(user)
            }
            return .success(AuthenticatedUser(userId: user.id, email: user.email, roles: user.roles))
        }
    }
}
