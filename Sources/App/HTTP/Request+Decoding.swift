import CQRSHummingbird
import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// The JSON body as `T`, or a problem that says what was wrong with it.
    /// `ifEmpty` is the value of a request that sends no body at all, for routes whose body is optional.
    func decodeBody<T: Decodable>(as type: T.Type, context: AppRequestContext, ifEmpty: T? = nil) async throws -> T {
        let body: ByteBuffer
        do {
            body = try await self.body.collect(upTo: Self.maximumJSONBody)
        } catch {
            throw Problem(.contentTooLarge, code: "invalid_request", detail: "A JSON body is at most \(Self.maximumJSONBody / 1024) KiB.")
        }
        if body.readableBytes == 0, let ifEmpty { return ifEmpty }
        guard JSONContentType.matches(headers[.contentType]) else {
            throw Problem(
                .unsupportedMediaType, code: "unsupported_media_type",
                detail: "Send the body as 'Content-Type: application/json'.")
        }
        do {
            return try APIJSON.decoder.decode(type, from: Data(body.readableBytesView))
        } catch let error as DecodingError {
            throw Problem.invalidRequest("The JSON body does not fit: \(Self.describe(error))")
        } catch {
            throw Problem.invalidRequest("The body must be JSON: \(error)")
        }
    }

    /// Requests that carry JSON are small; only imports carry files, and they do not come here.
    static let maximumJSONBody = 64 * 1024

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "'\(key.stringValue.snakeCased)' is missing."
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            "'\(context.codingPath.map(\.stringValue.snakeCased).joined(separator: "."))': \(context.debugDescription)"
        @unknown default: "\(error)"
        }
    }
}

extension AppRequestContext {
    /// A path parameter that must be an id.
    func id(_ name: String = "id") throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw Problem(.notFound, code: "not_found", detail: "'\(parameters.get(name) ?? "")' is not an id.")
        }
        return id
    }
}

extension String {
    var snakeCased: String {
        reduce(into: "") { result, character in
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
    }
}
