import CQRS
import Foundation

/// Revokes the user's refresh token. Answers with success even when the token is unknown, belongs to someone else
/// or is already revoked (a logout must never fail for the user); `UserLogoutFailed` records those cases.
struct LogoutUserHandler: LogoutUserHandling {
    let refreshTokenRepository: any RefreshTokenRepository
    let refreshTokenService: any RefreshTokenService
    let clock: any WallClock
    let events: LogoutUserEvents

    func handle(_ command: LogoutUser) async -> Result<LogoutResponse, OperationError> {
        // The events record what happened; the answer is success either way.
        _ = await events.userLogout(UserLogoutAttempted(userId: command.userId)) {
            () async throws -> Result<Void, OperationError> in
            guard var record = try await refreshTokenRepository.find(tokenHash: refreshTokenService.hash(command.refreshToken)),
                  record.userId == command.userId
            else { return .failure(OperationError(.tokenNotFound, message: "Refresh token not found.")) }
            guard record.revokedAt == nil else {
                return .failure(OperationError(.tokenAlreadyRevoked, message: "Refresh token already revoked."))
            }
            record.revokedAt = clock.now
            record.revokedReason = "logout"
            try await refreshTokenRepository.save(record)
            return .success(())
        }
        return .success(LogoutResponse())
    }
}
