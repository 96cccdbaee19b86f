import CQRS
import Foundation

/// Verifies an email and password, locking the account after repeated failures. Creates no session or tokens.
///
/// Every login answers alike for an unknown email, a wrong password and a locked account: the same
/// `invalid_credentials`, after one password verification each, so neither the status nor the time tells an attacker
/// which accounts exist or are locked. Only the account's owner, who knows the password, learns more (an unverified
/// or deactivated account).
struct AuthenticateUserHandler: AuthenticateUserHandling {
    let userRepository: any UserRepository
    let passwordHasher: any PasswordHasher
    let clock: any WallClock
    let events: AuthenticateUserEvents

    static let invalidCredentials = OperationError(.invalidCredentials, message: "Invalid email or password.")

    func handle(_ command: AuthenticateUser) async -> Result<AuthenticatedUser, OperationError> {
        await events.userLogin(UserLoginAttempted(email: command.email)) {
            guard case .success(let email) = Credentials.normalizedEmail(command.email),
                  let user = try await userRepository.find(email: email)
            else {
                await passwordHasher.verifyWithoutAccount(command.password)
                return .failure(Self.invalidCredentials)
            }
            let now = clock.now
            // Counted before the password is checked, atomically (see User.admitLoginAttempt).
            guard try await userRepository.update(id: user.id, { $0.admitLoginAttempt(at: now) }) == true else {
                await passwordHasher.verifyWithoutAccount(command.password)
                return .failure(Self.invalidCredentials)
            }
            guard await passwordHasher.verify(command.password, against: user.passwordHash) else {
                return .failure(Self.invalidCredentials)
            }
            _ = try await userRepository.update(id: user.id) { $0.clearFailedLogins(at: now) }
            guard user.isVerified else {
                return .failure(OperationError(.emailNotVerified, message: "Verify your email address first."))
            }
            guard user.isActive else {
                return .failure(OperationError(.accountInactive, message: "This account is deactivated."))
            }
            return .success(AuthenticatedUser(userId: user.id, email: user.email, roles: user.roles))
        }
    }
}
