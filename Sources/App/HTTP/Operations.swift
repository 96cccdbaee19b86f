import CQRS
import Foundation
import Hummingbird
import NIOCore

/// What the routes share: the database, the app's services and the one dispatch path.
struct AppEnvironment: Sendable {
    let database: AppDatabase
    let services: AppServices
    let dispatcher: Dispatcher

    /// Operations for one request, on a database session of its own.
    func operations() -> Operations {
        Operations(dispatcher: dispatcher, session: database.session())
    }
}

/// Gives every request its one database session, which authentication and the route's operations share, as
/// Dashtam's `get_db_session` dependency does.
struct RequestScopeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let environment: AppEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.requestOperations = environment.operations()
        return try await next(request, context)
    }
}

/// One request's way to run operations: every command and query of the request goes through the dispatcher on the
/// request's one session, and a failure becomes the problem response its code means.
struct Operations: Sendable {
    let dispatcher: Dispatcher
    let session: DatabaseSession

    func run<C: DispatchableCommand>(_ command: C) async throws -> C.Output {
        try await dispatcher.run(command, on: session).get(orThrow: Problem.init)
    }

    func run<Q: DispatchableQuery>(_ query: Q) async throws -> Q.Output {
        try await dispatcher.run(query, on: session).get(orThrow: Problem.init)
    }
}

extension Result where Failure == OperationError {
    func get(orThrow problem: (OperationError) -> Problem) throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw problem(error)
        }
    }
}

/// A JSON response body with the API's conventions.
struct JSONBody<Value: Encodable & Sendable>: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    let value: Value

    init(_ value: Value, status: HTTPResponse.Status = .ok) {
        self.value = value
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: try APIJSON.encoder.encode(value))))
    }
}

extension Request {
    /// The JSON body as `T`, or a problem that says what was wrong with it.
    func decodeBody<T: Decodable>(as type: T.Type, context: AppRequestContext) async throws -> T {
        let body: ByteBuffer
        do {
            body = try await self.body.collect(upTo: Self.maximumJSONBody)
        } catch {
            throw Problem(.contentTooLarge, code: "invalid_request", detail: "A JSON body is at most \(Self.maximumJSONBody / 1024) KiB.")
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

    /// A query parameter as `T`, nil when absent; a problem when present but unreadable.
    func query<T: LosslessStringConvertible>(_ name: String, as type: T.Type) throws -> T? {
        guard let text = uri.queryParameters.get(name) else { return nil }
        guard let value = T(text) else { throw Problem.invalidRequest("Query parameter '\(name)' is not a valid \(T.self).") }
        return value
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
