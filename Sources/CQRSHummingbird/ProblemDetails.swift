import CQRS
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An error as RFC 9457 problem details, `application/problem+json`: `type`, `title`, `status`, `detail`, the stable
/// `code` that clients match on, the `instance` path, and for a request that could not be read, `invalid-params`
/// naming every field that was missing or unreadable.
public struct ProblemDetails: Error, Sendable, Hashable, Codable {
    /// One field of the request that could not be read.
    public struct InvalidParameter: Sendable, Hashable, Codable {
        /// The field's name where the request carries it: the body member, query parameter, header or path parameter.
        public var name: String
        /// Where: `body`, `query`, `header` or `path`.
        public var `in`: String
        public var reason: String

        public init(name: String, in location: String, reason: String) {
            self.name = name
            self.in = location
            self.reason = reason
        }
    }

    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var code: String
    public var instance: String?
    public var invalidParameters: [InvalidParameter]?
    /// Sent as `Retry-After`, never in the body.
    public var retryAfterSeconds: Int?

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail, code, instance
        case invalidParameters = "invalid-params"
    }

    public init(
        status: HTTPResponse.Status, code: String, detail: String, typeBase: String? = nil, instance: String? = nil,
        invalidParameters: [InvalidParameter]? = nil, retryAfterSeconds: Int? = nil
    ) {
        self.type = typeBase.map { $0 + code.replacingOccurrences(of: "_", with: "-") } ?? "about:blank"
        self.title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.code = code
        self.instance = instance
        self.invalidParameters = invalidParameters
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The response: the problem as JSON, with `Retry-After` when it has one.
    public func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        if status == 401 { headers[.wwwAuthenticate] = "Bearer" }
        let body = (try? Self.encoder.encode(self)) ?? Data()
        return Response(
            status: .named(status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(data: body)))
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// What a failure of the server tells the caller: that it failed, never how. The cause goes to the log.
    public static func serverFailureDetail(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .serviceUnavailable: "The service could not complete the request; try again shortly."
        case .badGateway: "An upstream service failed; try again later."
        case .notImplemented: "This operation is not available yet."
        default: "The server failed to complete the request."
        }
    }
}
