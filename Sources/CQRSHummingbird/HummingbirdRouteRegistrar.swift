import CQRS
import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import Logging
import NIOCore

/// Serves the routes a spec binds on a Hummingbird router: give it to the generated
/// `OperationRoutes.register(with:runner:)`.
///
/// Routes that share a method and a path are served by one server route, which runs the route the request's
/// parameters choose (``HTTPRouteSelection``). Each request is answered in this order, and the first refusal is the
/// answer:
/// 1. the route's auth policy against ``CQRSRequestContext/caller``: 401 `not_authenticated`, 403 `forbidden`;
/// 2. its rate limit: 429 `rate_limited` with `Retry-After`;
/// 3. its body, when it reads one: 413 past the route's `bodyLimit` or else
///    ``HTTPRouteConfiguration/maximumBodySize``; 415 when members are read from it and it is not JSON (a body read
///    whole, as a file, is taken whatever its type);
/// 4. the operation, read from the request: 400 `invalid_request` naming every missing or unreadable field, or 404
///    `not_found` when a path parameter cannot be read (`/accounts/abc` names no account);
/// 5. the runner's result: the route's success status, with the result as JSON (none for `Void`), or the problem
///    of the failure's code, at the status the route maps it to. A server failure (5xx) says only that it failed;
///    its message goes to the request's log.
public struct HummingbirdRouteRegistrar<Category: RegistryCategory, Router: RouterMethods>: HTTPRouteRegistrar
where Router.Context: CQRSRequestContext {
    public typealias RequestContext = Router.Context

    public let router: Router
    public let configuration: HTTPRouteConfiguration
    /// The groups of routes that share a method and a path, by them: one server route serves each group. Written
    /// only while routes are registered.
    @usableFromInline let variantGroups = NIOLockedValueBox<[String: RouteVariants<Router.Context>]>([:])

    /// Routes are added to `router` at their full paths, as the spec writes them: pass the router, or a group without
    /// a path of its own.
    public init(router: Router, category: Category.Type, configuration: HTTPRouteConfiguration = HTTPRouteConfiguration()) {
        self.router = router
        self.configuration = configuration
    }

    @inlinable
    public func register<Operation: HTTPRoutable, Output: Encodable & Sendable>(
        _ operation: Operation.Type,
        run: @escaping @Sendable (Operation, RequestContext) async -> Result<Output, OperationError>
    ) where Operation.Category == Category {
        serve(Operation.self) { responder, operation, request, context in
            responder.respond(to: request, context, with: await run(operation, context))
        }
    }

    @inlinable
    public func register<Operation: HTTPRoutable>(
        _ operation: Operation.Type,
        run: @escaping @Sendable (Operation, RequestContext) async -> Result<Void, OperationError>
    ) where Operation.Category == Category {
        serve(Operation.self) { responder, operation, request, context in
            responder.respond(to: request, context, with: await run(operation, context))
        }
    }

    /// Adds the operation's route: each request is read into the operation, or refused with a problem, and `answer`
    /// runs it and makes the response.
    @inlinable
    func serve<Operation: HTTPRoutable>(
        _ operation: Operation.Type,
        answer: @escaping @Sendable (RouteResponder<Category>, Operation, Request, RequestContext) async -> Response
    ) where Operation.Category == Category {
        let route = Operation.httpRoute
        let responder = RouteResponder<Category>(route: route, configuration: configuration)
        let path = RouterPath(Self.routerPath(route.path)), method = HTTPRequest.Method(rawValue: route.method.rawValue)!
        // Written out for the route alone on its path, the common case: specialised and inlined in the router's closure.
        guard let selection = route.selection else {
            router.on(path, method: method) { request, context in
                switch await responder.read(Operation.self, request, context) {
                case .success(let operation): await answer(responder, operation, request, context)
                case .failure(let problem): problem.response()
                }
            }
            return
        }
        let respond: @Sendable (Request, RequestContext) async -> Response = { request, context in
            switch await responder.read(Operation.self, request, context) {
            case .success(let operation): await answer(responder, operation, request, context)
            case .failure(let problem): problem.response()
            }
        }
        // One of several routes on this method and path: the first registers the server route, which runs the one
        // each request chooses.
        let key = route.method.rawValue + " " + route.path
        let (group, isFirst) = variantGroups.withLockedValue { groups in
            if let group = groups[key] { return (group, false) }
            let group = RouteVariants<Router.Context>()
            groups[key] = group
            return (group, true)
        }
        group.add(selection, respond: respond)
        guard isFirst else { return }
        router.on(path, method: method) { request, context in
            await group.respond(to: request, context)
        }
    }

    /// The spec's `{name}` parameters as Hummingbird's `:name`.
    @usableFromInline
    static func routerPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : segment
        }.joined(separator: "/")
    }
}
