import HTTPTypes
import Hummingbird

/// What every response carries, as a hardened API's do: no MIME sniffing, no caching of anything (tokens and personal
/// data are in bodies), no framing and no active content. Errors are responses by the time they come here
/// (``ProblemResponseMiddleware`` runs inside this one).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static let headers: [(HTTPField.Name, String)] = [
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (.cacheControl, "no-store"),
        (.contentSecurityPolicy, "default-src 'none'; frame-ancestors 'none'"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for (name, value) in Self.headers {
            response.headers[name] = value
        }
        return response
    }
}
