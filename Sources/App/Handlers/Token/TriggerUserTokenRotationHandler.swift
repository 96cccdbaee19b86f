import CQRS
import Foundation

/// Raises one user's token version, after a password change or a logout everywhere: their refresh tokens issued
/// before are rejected at once.
struct TriggerUserTokenRotationHandler: TriggerUserTokenRotationHandling {
    let userRepository: any UserRepository
    let clock: any WallClock
    let events: TriggerUserTokenRotationEvents

    func handle(_ command: TriggerUserTokenRotation) async -> Result<UserRotationResult, OperationError> {
        let attempted = UserTokenRotationAttempted(userId: command.userId, triggeredBy: command.triggeredBy, reason: command.reason)
        return await events.userTokenRotation(attempted) {
            guard var user = try await userRepository.find(id: command.userId) else { return .failure(.userNotFound) }
            let previous = user.tokenVersion
            let now = clock.now
            user.tokenVersion += 1
            user.tokenVersionChangedAt = now
            user.updatedAt = now
            try await userRepository.save(user)
            return .success(UserRotationResult(userId: user.id, previousVersion: previous, newVersion: user.tokenVersion))
        }
    }
}
