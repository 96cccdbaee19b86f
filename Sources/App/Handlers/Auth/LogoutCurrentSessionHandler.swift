import CQRS
import Foundation

/// Logs out of the caller's current session: its refresh token is revoked, then the session ends, so that its access
/// token stops working too.
struct LogoutCurrentSessionHandler: LogoutCurrentSessionHandling {
    let steps: LogoutCurrentSessionSteps

    func handle(_ command: LogoutCurrentSession) async -> Result<LogoutResponse, OperationError> {
        await handling {
            let response = try await steps.run(LogoutUser(userId: command.userId, refreshToken: command.refreshToken)).get()
            _ = try await steps.run(RevokeSession(sessionId: command.sessionId, userId: command.userId, reason: "logout")).get()
            return .success(response)
        }
    }
}
