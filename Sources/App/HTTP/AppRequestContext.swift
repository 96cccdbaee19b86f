import CQRS
import CQRSHummingbird
import Foundation
import Hummingbird
import NIOCore

/// What the server knows about one request beyond the request itself: who sent it (from its bearer token) and from
/// where. JSON in and out uses snake_case keys and ISO 8601 dates, as Dashtam's API does.
struct AppRequestContext: CQRSRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's address, for the session's IP address and location.
    let remoteAddress: SocketAddress?
    /// The verified claims of the bearer token, set by ``BearerAuthentication``.
    var claims: AccessTokenClaims?
    /// Why the bearer token was refused, set by ``BearerAuthentication``: what a route that needs a caller answers.
    var authenticationFailure: ProblemDetails?
    /// The request's operations, on its one database session, set by ``RequestScopeMiddleware``.
    var requestOperations: Operations?
    /// The server's rate limiter, set by ``RateLimitMiddleware``.
    var rateLimiter: SlidingWindowRateLimiter?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    var requestDecoder: JSONDecoder { APIJSON.decoder }
    var responseEncoder: JSONEncoder { APIJSON.encoder }

    /// The authenticated caller's claims, for a route written by hand; a request without them is refused with why.
    func authenticatedClaims() throws -> AccessTokenClaims {
        guard let claims else {
            throw authenticationFailure.map { Problem(.unauthorized, code: $0.code, detail: $0.detail) } ?? Problem.unauthenticated
        }
        return claims
    }

    /// The caller as generated routes see them: their user id, their roles, and their session as the `sessionId` claim.
    var caller: HTTPCaller? {
        claims.map { claims in
            HTTPCaller(id: claims.userId.uuidString, roles: Set(claims.roles), claims: ["sessionId": claims.sessionId.uuidString])
        }
    }

    var ipAddress: String? { remoteAddress?.ipAddress }

    var clientAddress: String? { ipAddress }

    /// Every operation of the request runs here, on the request's one database session.
    var operations: Operations {
        get throws {
            guard let requestOperations else {
                throw Problem(.internalServerError, code: "no_request_scope", detail: "The route runs outside RequestScopeMiddleware.")
            }
            return requestOperations
        }
    }
}

/// The API's JSON conventions.
enum APIJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
