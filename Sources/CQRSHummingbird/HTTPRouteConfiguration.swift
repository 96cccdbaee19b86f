import CQRS
import Foundation
import HTTPTypes

/// How ``HummingbirdRouteRegistrar`` serves routes: the JSON conventions, the limits, and how problems are named.
public struct HTTPRouteConfiguration: Sendable {
    /// The largest JSON body a route reads; a larger one is refused with 413 before it is read whole.
    public var maximumBodySize: Int
    /// Decodes request bodies. The generated body types name their members by their wire names already, so it must
    /// not convert keys; it may choose how dates and data are written.
    public var decoder: JSONDecoder
    /// Encodes results. Its key strategy should agree with the spec's `http.wireNames`.
    public var encoder: JSONEncoder
    /// Counts the requests of every route with a `rateLimit`: by default in this process's memory.
    public var rateLimiter: any RequestRateLimiter
    /// Where problem types are documented: a problem's `type` is this followed by its code, with `-` for `_`
    /// (`https://example.com/problems/` gives `https://example.com/problems/email-taken`). Nil gives `about:blank`.
    public var problemTypeBase: String?
    /// The status of an error code the route does not list: by default, 404 for `*_not_found` and 400 for the rest,
    /// after the runtime's own codes (``OperationError/unavailableCode`` is 503, ``OperationError/invalidFieldsCode``
    /// 422).
    public var statusOfUnlistedCode: @Sendable (String) -> HTTPResponse.Status

    public init(
        maximumBodySize: Int = 64 * 1024, decoder: JSONDecoder = HTTPRouteConfiguration.defaultDecoder,
        encoder: JSONEncoder = HTTPRouteConfiguration.defaultEncoder,
        rateLimiter: any RequestRateLimiter = SlidingWindowRateLimiter(),
        problemTypeBase: String? = nil,
        statusOfUnlistedCode: @escaping @Sendable (String) -> HTTPResponse.Status = HTTPRouteConfiguration.defaultStatus
    ) {
        self.maximumBodySize = maximumBodySize
        self.decoder = decoder
        self.encoder = encoder
        self.rateLimiter = rateLimiter
        self.problemTypeBase = problemTypeBase
        self.statusOfUnlistedCode = statusOfUnlistedCode
    }

    /// ISO 8601 dates, keys as they are.
    public static var defaultDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// ISO 8601 dates, keys as they are, sorted, slashes unescaped.
    public static var defaultEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// 404 for `*_not_found`, 400 for any other code.
    @Sendable public static func defaultStatus(_ code: String) -> HTTPResponse.Status {
        code.hasSuffix("_not_found") ? .notFound : .badRequest
    }

    /// The status of `code` on `route`: the route's own, then the runtime's codes, then ``statusOfUnlistedCode``.
    @usableFromInline
    func status(of code: String, on route: HTTPRoute<some RegistryCategory>) -> HTTPResponse.Status {
        if let status = route.errors[code] { return .named(status) }
        switch code {
        case OperationError.unavailableCode: return .serviceUnavailable
        case OperationError.undeclaredEventCode: return .internalServerError
        case OperationError.invalidFieldsCode: return .unprocessableContent
        case OperationError.notImplementedCode: return .notImplemented
        default: return statusOfUnlistedCode(code)
        }
    }
}

extension HTTPResponse.Status {
    /// The status of `code`, with its reason phrase when it is a registered one: `Status(code:)` leaves it empty, and
    /// a problem's `title` is the phrase.
    @usableFromInline
    static func named(_ code: Int) -> HTTPResponse.Status {
        registered[code] ?? HTTPResponse.Status(code: code)
    }

    private static let registered: [Int: HTTPResponse.Status] = Dictionary(
        uniqueKeysWithValues: [
            .ok, .created, .accepted, .nonAuthoritativeInformation, .noContent, .resetContent, .partialContent,
            .badRequest, .unauthorized, .forbidden, .notFound, .methodNotAllowed, .notAcceptable,
            .proxyAuthenticationRequired, .requestTimeout, .conflict, .gone, .lengthRequired, .preconditionFailed,
            .contentTooLarge, .uriTooLong, .unsupportedMediaType, .rangeNotSatisfiable, .expectationFailed,
            .misdirectedRequest, .unprocessableContent, .tooEarly, .upgradeRequired, .preconditionRequired,
            .tooManyRequests, .requestHeaderFieldsTooLarge, .unavailableForLegalReasons, .internalServerError,
            .notImplemented, .badGateway, .serviceUnavailable, .gatewayTimeout, .httpVersionNotSupported,
            .networkAuthenticationRequired,
        ].map { ($0.code, $0) })
}
