import HTTPTypes
import Hummingbird

/// What every response carries, as a hardened API's do: no MIME sniffing, no caching of anything (tokens and personal
/// data are in bodies), no framing and no active content; and what the router answers for a path it does not know is
/// a problem, like every other error, not an empty body.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static let headers: [(HTTPField.Name, String)] = [
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (.cacheControl, "no-store"),
        (.contentSecurityPolicy, "default-src 'none'; frame-ancestors 'none'"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            response = try Problem(.notFound, code: "route_not_found", detail: "No route answers this method and path.")
                .response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        for (name, value) in Self.headers {
            response.headers[name] = value
        }
        return response
    }
}
