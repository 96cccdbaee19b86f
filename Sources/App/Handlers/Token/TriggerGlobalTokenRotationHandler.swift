import CQRS
import Foundation

/// Raises the global token version: every refresh token issued before is rejected once the grace period ends.
struct TriggerGlobalTokenRotationHandler: TriggerGlobalTokenRotationHandling {
    let securityConfigRepository: any SecurityConfigRepository
    let clock: any WallClock
    let events: TriggerGlobalTokenRotationEvents

    func handle(_ command: TriggerGlobalTokenRotation) async -> Result<GlobalRotationResult, OperationError> {
        let attempted = GlobalTokenRotationAttempted(triggeredBy: command.triggeredBy, reason: command.reason)
        return await events.globalTokenRotation(attempted) {
            guard !command.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                return .failure(OperationError(.reasonRequired, message: "Say why the tokens are rotated."))
            }
            var config = try await securityConfigRepository.current()
            let previous = config.globalTokenVersion
            config.globalTokenVersion += 1
            config.updatedAt = clock.now
            try await securityConfigRepository.save(config)
            return .success(GlobalRotationResult(
                previousVersion: previous, newVersion: config.globalTokenVersion, gracePeriodSeconds: config.gracePeriodSeconds))
        }
    }
}
