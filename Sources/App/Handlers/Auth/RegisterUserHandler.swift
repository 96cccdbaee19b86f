import CQRS
import Foundation

/// Registers a user with a hashed password and issues an email verification token. The token travels in the
/// `UserRegistrationSucceeded` event, whose subscriber mails it.
struct RegisterUserHandler: RegisterUserHandling {
    let userRepository: any UserRepository
    let verificationTokenRepository: any EmailVerificationTokenRepository
    let passwordHasher: any PasswordHasher
    let clock: any WallClock
    let events: RegisterUserEvents

    static let verificationTokenLifetime: TimeInterval = 24 * 3600

    func handle(_ command: RegisterUser) async -> Result<UUID, OperationError> {
        let result = await events.userRegistration(UserRegistrationAttempted(email: command.email)) { registered in
            UserRegistrationSucceeded(email: command.email, userId: registered.0, verificationToken: registered.1)
        } work: { () async throws -> Result<(UUID, String), OperationError> in
            let email: String
            switch Credentials.normalizedEmail(command.email) {
            case .success(let normalized): email = normalized
            case .failure(let error): return .failure(error)
            }
            if let error = Credentials.validatePassword(command.password) { return .failure(error) }
            guard try await userRepository.find(email: email) == nil else {
                return .failure(OperationError(.emailAlreadyRegistered, message: "Email already registered."))
            }
            let now = clock.now
            let user = User(
                id: UUID(), email: email, passwordHash: try await passwordHasher.hash(command.password), roles: ["user"],
                isVerified: false, isActive: true, failedLoginAttempts: 0, lockedUntil: nil, tokenVersion: 1,
                tokenVersionChangedAt: nil, createdAt: now, updatedAt: now)
            try await userRepository.save(user)
            let token = EmailVerificationToken(
                token: RandomToken.hex(), userId: user.id, expiresAt: now.addingTimeInterval(Self.verificationTokenLifetime),
                usedAt: nil, createdAt: now)
            try await verificationTokenRepository.save(token)
            return .success((user.id, token.token))
        }
        return result.map(\.0)
    }
}
