import Foundation
import Hummingbird

/// Logging in and out: routes that compose operations. Logging in is three operations on the request's one database
/// session, as Dashtam's `POST /sessions` is: authenticate, create the session, issue its tokens. Refreshing tokens,
/// reading sessions and revoking them are generated from the spec.
enum SessionRoutes {
    struct Login: Decodable { var email: String; var password: String }
    struct LoggedIn: Encodable, Sendable {
        var accessToken: String
        var refreshToken: String
        var tokenType: String
        var expiresIn: Int
        var sessionId: UUID
        var deviceInfo: String?
        var location: String?
    }
    struct Logout: Decodable { var refreshToken: String }

    static func add(to api: RouterGroup<AppRequestContext>) {
        api.post("sessions") { request, context in
            let body = try await request.decodeBody(as: Login.self, context: context)
            try context.limitRate(.loginPerAccount, key: Credentials.rateLimitKey(email: body.email))
            let operations = try context.operations
            let user = try await operations.run(AuthenticateUser(email: body.email, password: body.password))
            let session = try await operations.run(CreateSession(
                userId: user.userId, ipAddress: context.ipAddress, userAgent: request.headers[.userAgent]))
            let tokens = try await operations.run(GenerateAuthTokens(
                userId: user.userId, email: user.email, roles: user.roles, sessionId: session.sessionId))
            return JSONBody(
                LoggedIn(
                    accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, tokenType: tokens.tokenType,
                    expiresIn: tokens.expiresIn, sessionId: session.sessionId, deviceInfo: session.deviceInfo,
                    location: session.location),
                status: .created)
        }
        // Log out: the refresh token is revoked and this session ends, so its access token stops working too.
        api.post("sessions/current/logout") { request, context in
            let caller = try context.authenticatedClaims()
            let body = try await request.decodeBody(as: Logout.self, context: context)
            let operations = try context.operations
            let response = try await operations.run(LogoutUser(userId: caller.userId, refreshToken: body.refreshToken))
            _ = try await operations.run(RevokeSession(sessionId: caller.sessionId, userId: caller.userId, reason: "logout"))
            return JSONBody(response)
        }
    }
}
