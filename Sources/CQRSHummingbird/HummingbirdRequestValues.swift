import CQRS
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore
import NIOFoundationCompat

/// One Hummingbird request's values, as the generated `init(httpRequest:)` reads them.
@usableFromInline
struct HummingbirdRequestValues<Context: CQRSRequestContext>: HTTPRequestValues {
    @usableFromInline let request: Request
    @usableFromInline let context: Context
    /// The collected body; nil for a route that reads nothing from it.
    @usableFromInline let body: ByteBuffer?
    @usableFromInline let decoder: JSONDecoder
    /// The query string's parameters, parsed once for all the fields that read them.
    @usableFromInline let query: FlatDictionary<Substring, Substring>

    @inlinable
    init(request: Request, context: Context, body: ByteBuffer?, decoder: JSONDecoder) {
        self.request = request
        self.context = context
        self.body = body
        self.decoder = decoder
        self.query = request.uri.queryParameters
    }

    @inlinable
    func pathParameter(_ name: String) -> String? {
        context.parameters.get(name)
    }

    @inlinable
    func queryParameter(_ name: String) -> String? {
        query.get(name)
    }

    @inlinable
    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { request.headers[$0] }
    }

    @inlinable
    var caller: HTTPCaller? { context.caller }

    @inlinable
    var clientAddress: String? { context.clientAddress }

    /// An empty body reads as `{}`, so that a body whose members are all optional may be left out.
    @inlinable
    func decodeBody<Body: Decodable>(_ type: Body.Type) throws -> Body {
        guard let body, body.readableBytes > 0 else { return try decoder.decode(type, from: emptyJSONObject) }
        // Straight from the buffer, without copying it into a `Data` first.
        return try decoder.decode(type, from: body)
    }

    @inlinable
    var content: Data? {
        body.map { Data($0.readableBytesView) }
    }

}

/// What an empty body reads as.
@usableFromInline let emptyJSONObject = ByteBuffer(string: "{}")
