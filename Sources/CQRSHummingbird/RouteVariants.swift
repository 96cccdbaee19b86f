import CQRS
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// The routes that share a method and a path, by that method and path: the server route serves them all, and
/// each request runs the one its parameters choose (``HTTPRoute/Selection``). Filled as the routes are registered,
/// in spec order, which is the order they are tried in; read on every request to such a route.
@usableFromInline
final class RouteVariants<Context: CQRSRequestContext>: Sendable {
    @usableFromInline
    struct Variant: Sendable {
        let selection: HTTPRouteSelection
        let respond: @Sendable (Request, Context) async -> Response
    }

    private let variants = NIOLockedValueBox<[String: [Variant]]>([:])

    @usableFromInline
    init() {}

    /// Adds a route; true when it is the first on its method and path, which the server route must then be added for.
    @usableFromInline
    func add(
        _ key: String, _ selection: HTTPRouteSelection, respond: @escaping @Sendable (Request, Context) async -> Response
    ) -> Bool {
        variants.withLockedValue { variants in
            variants[key, default: []].append(Variant(selection: selection, respond: respond))
            return variants[key]!.count == 1
        }
    }

    /// Runs the route `request` chooses among those on `key`: the first whose parameters it carries any of, else the
    /// one that answers otherwise.
    @usableFromInline
    func respond(_ key: String, to request: Request, _ context: Context) async -> Response {
        let candidates = variants.withLockedValue { $0[key] ?? [] }
        let query = request.uri.queryParameters
        let chosen = candidates.first { variant in
            variant.selection.matches { source in
                switch source {
                case .query(let name): query.get(name) != nil
                case .header(let name): HTTPField.Name(name).flatMap { request.headers[$0] } != nil
                default: false
                }
            }
        } ?? candidates.first { $0.selection == .otherwise }
        // The spec's validation leaves one route that answers otherwise; without it, nothing is here.
        guard let chosen else { return Response(status: .notFound) }
        return await chosen.respond(request, context)
    }
}
