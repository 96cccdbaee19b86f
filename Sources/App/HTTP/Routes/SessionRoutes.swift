import Foundation
import Hummingbird

/// Logging in and out, sessions and tokens. Logging in is four operations on the request's one database session,
/// as Dashtam's `POST /sessions` is: authenticate, create the session, issue its tokens, link them.
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
    struct Refresh: Decodable { var refreshToken: String }
    struct Logout: Decodable { var refreshToken: String }
    struct Revoked: Encodable, Sendable { var revokedCount: Int }

    static func add(public api: RouterGroup<AppRequestContext>, authenticated: RouterGroup<AppRequestContext>) {
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
        // A new access token for a refresh token, which is rotated: the old one stops working.
        api.post("tokens") { request, context in
            let body = try await request.decodeBody(as: Refresh.self, context: context)
            return JSONBody(try await context.operations.run(RefreshAccessToken(refreshToken: body.refreshToken)))
        }

        authenticated.get("sessions") { request, context in
            let caller = try context.caller()
            let activeOnly = try request.query("active_only", as: Bool.self) ?? true
            let page = try request.page()
            return JSONBody(try await context.operations.run(ListUserSessions(
                userId: caller.userId, activeOnly: activeOnly, currentSessionId: caller.sessionId, limit: page.limit,
                offset: page.offset)))
        }
        authenticated.get("sessions/:id") { _, context in
            let caller = try context.caller()
            return JSONBody(try await context.operations.run(GetSession(sessionId: try context.id(), userId: caller.userId)))
        }
        authenticated.delete("sessions/:id") { _, context in
            let caller = try context.caller()
            _ = try await context.operations.run(RevokeSession(sessionId: try context.id(), userId: caller.userId, reason: "revoked_by_user"))
            return Response(status: .noContent)
        }
        // Log out everywhere else: every other session of the caller.
        authenticated.delete("sessions") { _, context in
            let caller = try context.caller()
            let count = try await context.operations.run(RevokeAllUserSessions(
                userId: caller.userId, reason: "logout_everywhere", exceptSessionId: caller.sessionId))
            return JSONBody(Revoked(revokedCount: count))
        }
        // Log out: the refresh token is revoked and this session ends, so its access token stops working too.
        authenticated.post("sessions/current/logout") { request, context in
            let caller = try context.caller()
            let body = try await request.decodeBody(as: Logout.self, context: context)
            let operations = try context.operations
            let response = try await operations.run(LogoutUser(userId: caller.userId, refreshToken: body.refreshToken))
            _ = try await operations.run(RevokeSession(sessionId: caller.sessionId, userId: caller.userId, reason: "logout"))
            return JSONBody(response)
        }
    }
}
