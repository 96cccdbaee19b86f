import CQRS
import CQRSHummingbird
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// Every error leaves the server as a problem, and none says more than a caller should know: a path the router does
/// not know is a 404 problem, a known path asked with another method a 405 with `Allow`, and a failure of the server
/// itself (a 5xx, or an error that is not a problem at all) a generic problem whose cause goes to the log only.
struct ProblemResponseMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let routes: RouteIndex

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(forPath: request.uri.path)
            guard !allowed.isEmpty else {
                return Self.problem(.notFound, .routeNotFound, "No route answers this method and path.", request)
            }
            var response = Self.problem(
                .methodNotAllowed, .methodNotAllowed,
                "This path answers \(allowed.map(\.rawValue).joined(separator: ", ")) only.", request)
            response.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
            return response
        } catch let error as any HTTPResponseError where error.status.code < 500 {
            return try error.response(from: request, context: context)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path): \(String(reflecting: error))")
            return Self.problem(
                .internalServerError, .internalError, ProblemDetails.serverFailureDetail(.internalServerError), request)
        }
    }

    private static func problem(_ status: HTTPResponse.Status, _ code: HTTPProblemCode, _ detail: String, _ request: Request) -> Response {
        ProblemDetails(status: status, code: code.rawValue, detail: detail, typeBase: AppServer.problemTypeBase, instance: request.uri.path)
            .response()
    }
}

/// The method and path of every route the router has, to tell a caller which methods a known path answers.
final class RouteIndex: Sendable {
    private let routes: Mutex<[(path: RouterPath, method: HTTPRequest.Method)]> = Mutex([])

    /// Reads the routes from the router once they are all added.
    func index(_ router: Router<AppRequestContext>) {
        routes.withLock { $0 = router.routes.map { ($0.path, $0.method) } }
    }

    /// The methods of the routes whose path matches `path`, sorted; empty when none does.
    func methods(forPath path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/")
        let matching = routes.withLock { routes in
            routes.filter { Self.path($0.path, matches: segments) }.map(\.method)
        }
        var seen = Set<String>()
        return matching.filter { seen.insert($0.rawValue).inserted }.sorted { $0.rawValue < $1.rawValue }
    }

    private static func path(_ route: RouterPath, matches segments: [Substring]) -> Bool {
        guard route.components.count == segments.count else { return false }
        for (element, segment) in zip(route.components, segments) where !(element ~= segment) {
            return false
        }
        return true
    }
}
