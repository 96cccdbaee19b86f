import CQRS
import Foundation

/// Logs a user in as Dashtam's `POST /sessions` does, in three commands: authenticate, create the session, issue its
/// tokens. Each runs through dispatch, logged, counted and audited as if called alone; the first that fails ends the
/// login with its error.
struct LoginUserHandler: LoginUserHandling {
    let steps: LoginUserSteps

    func handle(_ command: LoginUser) async -> Result<LoginResult, OperationError> {
        await handling {
            let user = try await steps.run(AuthenticateUser(email: command.email, password: command.password)).get()
            let session = try await steps.run(CreateSession(
                userId: user.userId, ipAddress: command.ipAddress, userAgent: command.userAgent)).get()
            let tokens = try await steps.run(GenerateAuthTokens(
                userId: user.userId, email: user.email, roles: user.roles, sessionId: session.sessionId)).get()
            return .success(LoginResult(
                accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, tokenType: tokens.tokenType,
                expiresIn: tokens.expiresIn, sessionId: session.sessionId, deviceInfo: session.deviceInfo,
                location: session.location))
        }
    }
}
