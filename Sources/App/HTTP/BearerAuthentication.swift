import CQRS
import CQRSHummingbird
import Foundation
import Hummingbird

/// Reads the caller from a bearer token whose session is still active: a revoked session's tokens stop working at
/// once, not when they expire. Sets HummingbirdAuth's ``AppRequestContext/identity``.
///
/// Every request passes: each route's own policy decides whether it needs a caller. A refused token is kept as
/// ``AppRequestContext/authenticationFailure``, which a route that needs a caller answers with; a public route runs
/// anyway, so that a client may refresh its tokens with an expired access token still attached.
struct BearerAuthentication: RouterMiddleware {
    typealias Context = AppRequestContext
    let environment: AppEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            return try await next(request, context)
        }
        var context = context
        // Read here rather than by HummingbirdAuth's `headers.bearer`, which takes only `Bearer ` spelt so: a scheme's
        // name is case-insensitive (RFC 9110, 11.1), and clients send `bearer` too.
        guard header.lowercased().hasPrefix("bearer ") else {
            context.authenticationFailure = Self.refusal(
                HTTPProblemCode.notAuthenticated.rawValue, "Send a valid access token as 'Authorization: Bearer <token>'.")
            return try await next(request, context)
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard let claims = try? await environment.services.tokenGenerator.claims(from: token) else {
            context.authenticationFailure = Self.refusal(
                OperationErrorCode.tokenInvalid.rawValue, "The access token is invalid or has expired.")
            return try await next(request, context)
        }
        let session = try? await context.requestOperations?.run(GetSession(sessionId: claims.sessionId, userId: claims.userId)).get()
        guard let session, !session.isRevoked, session.expiresAt.map({ $0 > environment.services.clock.now }) ?? true else {
            context.authenticationFailure = Self.refusal(
                OperationErrorCode.sessionRevoked.rawValue, "This session was revoked or has expired; log in again.")
            return try await next(request, context)
        }
        context.identity = claims
        context.requestOperations?.context.caller = claims.userId.uuidString
        return try await next(request, context)
    }

    /// A refusal with the adapter's code or one the spec declares, as the route that needs a caller answers it.
    private static func refusal(_ code: String, _ detail: String) -> ProblemDetails {
        ProblemDetails(status: .unauthorized, code: code, detail: detail, typeBase: AppServer.problemTypeBase)
    }
}
