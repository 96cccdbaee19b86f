import Foundation
import Hummingbird

/// Lets a request through only with a valid access token whose session is still active: a revoked session's tokens
/// stop working at once, not when they expire. Sets ``AppRequestContext/claims``.
struct BearerAuthentication: RouterMiddleware {
    typealias Context = AppRequestContext
    let environment: AppEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw Problem.unauthenticated
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        let claims: AccessTokenClaims
        do {
            claims = try await environment.services.tokenGenerator.claims(from: token)
        } catch {
            throw Problem(.unauthorized, code: "token_invalid", detail: "The access token is invalid or has expired.")
        }
        let session = try? await context.operations.run(GetSession(sessionId: claims.sessionId, userId: claims.userId))
        guard let session, !session.isRevoked, session.expiresAt.map({ $0 > Date() }) ?? true else {
            throw Problem(.unauthorized, code: "session_revoked", detail: "This session was revoked or has expired; log in again.")
        }
        var context = context
        context.claims = claims
        context.requestOperations?.context.caller = claims.userId.uuidString
        return try await next(request, context)
    }
}
