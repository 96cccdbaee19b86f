import CQRS
import Foundation
import HTTPTypes
import Hummingbird

/// Gives every request its one database session, which authentication and the route's operations share, as
/// Dashtam's `get_db_session` dependency does, and its operation context: a correlation id, the caller's
/// `X-Request-Id` when it is a plausible one and a new UUID otherwise, echoed on the response so that a client can
/// quote it. ``BearerAuthentication`` adds the caller. On PostgreSQL it first catches up with other instances' commits
/// (``AppDatabase/catchUp()``).
struct RequestScopeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let environment: AppEnvironment

    static let requestIdHeader = HTTPField.Name("X-Request-Id")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let correlationId = request.headers[Self.requestIdHeader].flatMap(Self.plausibleRequestId) ?? UUID().uuidString
        // Before anything is read from a cache (the caller's session first): no commit another instance acknowledged
        // before this request is missed.
        await environment.database.catchUp()
        context.requestOperations = environment.operations(context: OperationContext(correlationId: correlationId))
        var response = try await next(request, context)
        response.headers[Self.requestIdHeader] = correlationId
        return response
    }

    /// A request id a client may choose: 1 to 128 letters, digits, `-`, `_`, `.` or `:`; anything else could carry
    /// what logs and headers must not.
    static func plausibleRequestId(_ text: String) -> String? {
        guard (1...128).contains(text.utf8.count),
              text.utf8.allSatisfy({ byte in
                  (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                      || [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":")].contains(byte)
              })
        else { return nil }
        return text
    }
}
