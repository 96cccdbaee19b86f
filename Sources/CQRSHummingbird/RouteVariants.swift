import CQRS
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// The routes that share one method and path: the server route serves them all, and each request runs the one its
/// parameters choose (``HTTPRouteSelection``). Filled as the routes are registered, in spec order, which is the order
/// they are tried in; read on every request to the server route, which holds this group, not a key to look it up by.
@usableFromInline
final class RouteVariants<Context: CQRSRequestContext>: Sendable {
    @usableFromInline
    struct Variant: Sendable {
        let selection: HTTPRouteSelection
        let respond: @Sendable (Request, Context) async -> Response
    }

    private let variants = NIOLockedValueBox<[Variant]>([])

    @usableFromInline
    init() {}

    @usableFromInline
    func add(_ selection: HTTPRouteSelection, respond: @escaping @Sendable (Request, Context) async -> Response) {
        variants.withLockedValue { $0.append(Variant(selection: selection, respond: respond)) }
    }

    /// Runs the route `request` chooses: the first whose parameters it carries any of, else the one that answers
    /// otherwise.
    @usableFromInline
    func respond(to request: Request, _ context: Context) async -> Response {
        let candidates = variants.withLockedValue { $0 }
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
