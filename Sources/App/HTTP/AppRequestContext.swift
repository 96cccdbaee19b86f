import CQRS
import Foundation
import Hummingbird
import NIOCore

/// What the server knows about one request beyond the request itself: who sent it (from its bearer token) and from
/// where. JSON in and out uses snake_case keys and ISO 8601 dates, as Dashtam's API does.
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's address, for the session's IP address and location.
    let remoteAddress: SocketAddress?
    /// The verified claims of the bearer token, set by ``BearerAuthentication``.
    var claims: AccessTokenClaims?
    /// The request's operations, on its one database session, set by ``RequestScopeMiddleware``.
    var requestOperations: Operations?
    /// The server's rate limiter, set by ``RateLimitMiddleware``.
    var rateLimiter: RateLimiter?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    var requestDecoder: JSONDecoder { APIJSON.decoder }
    var responseEncoder: JSONEncoder { APIJSON.encoder }

    /// The authenticated caller; routes behind ``BearerAuthentication`` always have one.
    func caller() throws -> AccessTokenClaims {
        guard let claims else { throw Problem.unauthenticated }
        return claims
    }

    var ipAddress: String? { remoteAddress?.ipAddress }

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
