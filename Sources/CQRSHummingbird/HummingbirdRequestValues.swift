import CQRS
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// One Hummingbird request's values, as the generated `init(httpRequest:)` reads them.
struct HummingbirdRequestValues<Context: CQRSRequestContext>: HTTPRequestValues {
    let request: Request
    let context: Context
    /// The collected body; nil for a route that reads nothing from it.
    let body: ByteBuffer?
    let decoder: JSONDecoder

    func pathParameter(_ name: String) -> String? {
        context.parameters.get(name)
    }

    func queryParameter(_ name: String) -> String? {
        request.uri.queryParameters.get(name)
    }

    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { request.headers[$0] }
    }

    var caller: HTTPCaller? { context.caller }

    var clientAddress: String? { context.clientAddress }

    /// An empty body reads as `{}`, so that a body whose members are all optional may be left out.
    func decodeBody<Body: Decodable>(_ type: Body.Type) throws -> Body {
        guard let body, body.readableBytes > 0 else { return try decoder.decode(type, from: Data("{}".utf8)) }
        return try decoder.decode(type, from: Data(body.readableBytesView))
    }
}
