import CQRS
import CQRSHummingbird
import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore

/// What the server knows about one request beyond the request itself: who sent it (from its bearer token) and from
/// where. JSON in and out uses snake_case keys and ISO 8601 dates, as Dashtam's API does. The caller is
/// HummingbirdAuth's identity, so that its `requireIdentity()` and middleware work on the App's requests.
struct AppRequestContext: CQRSRequestContext, AuthRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's address, for the session's IP address and location.
    let remoteAddress: SocketAddress?
    /// The verified claims of the bearer token, set by ``BearerAuthentication``.
    var identity: AccessTokenClaims?
    /// Why the bearer token was refused, set by ``BearerAuthentication``: what a route that needs a caller answers.
    var authenticationFailure: ProblemDetails?
    /// The request's operations, on its one database session, set by ``RequestScopeMiddleware``.
    var requestOperations: Operations?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    var requestDecoder: JSONDecoder { APIJSON.decoder }
    var responseEncoder: JSONEncoder { APIJSON.encoder }

    /// The caller as generated routes see them: their user id, their roles, and their session as the `sessionId` claim.
    var caller: HTTPCaller? {
        identity.map { claims in
            HTTPCaller(id: claims.userId.uuidString, roles: Set(claims.roles), claims: ["sessionId": claims.sessionId.uuidString])
        }
    }

    var clientAddress: String? { remoteAddress?.ipAddress }
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
