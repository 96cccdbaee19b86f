import CQRS
import Foundation
import Hummingbird

/// An error as RFC 9457 problem details: `application/problem+json` with `type`, `title`, `status`, `detail`, and
/// `code`, the operation's stable error code that clients match on.
struct Problem: Error, HTTPResponseError, Equatable {
    var status: HTTPResponse.Status
    var code: String
    var detail: String
    /// What went wrong inside the server, for its log; never sent.
    var cause: String?
    /// Sent as `Retry-After`.
    var retryAfterSeconds: Int?

    init(_ status: HTTPResponse.Status, code: String, detail: String, cause: String? = nil) {
        self.status = status
        self.code = code
        self.detail = detail
        self.cause = cause
    }

    /// The problem an operation's failure is, with the status its code means. A failure of the server (a 5xx) keeps
    /// its message for the log and tells the caller only that it failed: a database's or a library's words describe
    /// the server's insides.
    init(_ error: OperationError) {
        let status = Self.status(for: error.code)
        if status.code >= 500 {
            self.init(status, code: error.code, detail: Self.serverFailureDetail(status), cause: error.message)
        } else {
            self.init(status, code: error.code, detail: error.message)
        }
    }

    /// Where problem types are documented: a problem's `type` is this and its code, for these and generated routes'.
    static let typeBase = "https://cqrs-gen.dev/problems/"

    static let internalError = Problem(.internalServerError, code: "internal_error", detail: serverFailureDetail(.internalServerError))

    private static func serverFailureDetail(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .serviceUnavailable: "The service could not complete the request; try again shortly."
        case .badGateway: "An upstream provider failed; try again later."
        default: "The server failed to complete the request."
        }
    }

    static func rateLimited(retryAfterSeconds: Int) -> Problem {
        var problem = Problem(
            .tooManyRequests, code: "rate_limited", detail: "Too many requests; try again in \(retryAfterSeconds) seconds.")
        problem.retryAfterSeconds = retryAfterSeconds
        return problem
    }

    static let unauthenticated = Problem(.unauthorized, code: "not_authenticated", detail: "Send a valid access token as 'Authorization: Bearer <token>'.")

    static func invalidRequest(_ detail: String) -> Problem {
        Problem(.badRequest, code: "invalid_request", detail: detail)
    }

    struct Body: Codable, Equatable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var code: String
        var instance: String?
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(
            type: Self.typeBase + code.replacingOccurrences(of: "_", with: "-"),
            title: status.reasonPhrase, status: status.code, detail: detail, code: code, instance: request.uri.path)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: try APIJSON.encoder.encode(body))))
    }

    /// The HTTP status of each stable error code: `*_not_found` is 404, a code not listed otherwise is 400.
    static func status(for code: String) -> HTTPResponse.Status {
        if let status = statuses[code] { return status }
        return code.hasSuffix("_not_found") ? .notFound : .badRequest
    }

    private static let statuses: [String: HTTPResponse.Status] = [
        "invalid_credentials": .unauthorized, "email_not_verified": .forbidden,
        "account_inactive": .forbidden, "user_inactive": .forbidden, "not_authenticated": .unauthorized,
        "token_invalid": .unauthorized, "token_expired": .unauthorized, "token_revoked": .unauthorized,
        "token_version_rejected": .unauthorized, "token_already_used": .conflict, "token_not_found": .notFound,
        "token_already_revoked": .conflict, "email_already_registered": .conflict, "session_already_revoked": .conflict,
        "session_limit_exceeded": .conflict, "rate_limited": .tooManyRequests,
        "already_connected": .conflict, "already_disconnected": .conflict, "connection_inactive": .conflict,
        "session_inactive": .unauthorized, "sync_too_recent": .tooManyRequests, "user_not_verified": .forbidden,
        "provider_error": .badGateway, "credentials_unreadable": .conflict,
        "unavailable": .serviceUnavailable, OperationError.undeclaredEventCode: .internalServerError,
    ]
}
