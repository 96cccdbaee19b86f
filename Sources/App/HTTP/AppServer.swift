import CQRSHummingbird
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The HTTP server: Dashtam's REST routes under `/api/v1`, every one of which runs its operations through the
/// dispatcher, on a database session of its own.
enum AppServer {
    /// Encoded by the request context's encoder, with the API's conventions.
    struct Health: ResponseEncodable, Sendable {
        var status: String
        var migrations: [String]
        /// Hits and misses of the handlers' caches, by namespace.
        var cache: [String: Int]
    }

    static func router(_ environment: AppEnvironment) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: SecurityHeadersMiddleware())
        // Outside the problem middleware, so that a problem carries the request id too.
        router.add(middleware: RequestScopeMiddleware(environment: environment))
        let routes = RouteIndex()
        router.add(middleware: ProblemResponseMiddleware(routes: routes))
        router.get("health") { _, _ in
            Health(
                status: "ok", migrations: try await environment.database.appliedMigrations(),
                cache: environment.services.cacheMetrics.counts)
        }
        router.add(middleware: BearerAuthentication(environment: environment))
        // Every route the spec binds, each with its policies, as the spec declares them.
        OperationRoutes.register(with: HummingbirdRouteRegistrar(
            router: router, category: OperationCategory.self, configuration: routeConfiguration(environment)),
            runner: AppRouteRunner())
        router.addOpenAPIDocument(OperationRoutes.openAPIDocument)
        routes.index(router)
        return router
    }

    /// The API's conventions for generated routes: ISO 8601 dates (the types name their members in snake_case
    /// themselves, `http.wireNames`), the server's rate limiter, and the statuses of the codes a route does not list.
    static func routeConfiguration(_ environment: AppEnvironment) -> HTTPRouteConfiguration {
        HTTPRouteConfiguration(
            maximumBodySize: maximumJSONBody, rateLimiter: environment.rateLimiter,
            problemTypeBase: problemTypeBase)
    }

    /// Where problem types are documented: a problem's `type` is this and its code.
    static let problemTypeBase = "https://cqrs-gen.dev/problems/"

    /// The largest JSON body a route reads, in bytes; a route that reads a whole file declares its own `bodyLimit`.
    static let maximumJSONBody = 64 * 1024

    /// How long a connection may send nothing before it is closed: a request trickled in or never finished holds a
    /// connection, and thousands of them would hold the server.
    static let idleTimeout: TimeAmount = .seconds(30)

    /// What Prometheus scrapes: the dispatcher's counts and timings of every operation, by operation, category and
    /// outcome. On a router of its own, so that it is served only where the operator binds it, never with the API.
    static func metricsRouter(_ environment: AppEnvironment) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: environment.metrics.emitToBuffer())))
        }
        return router
    }

    static func application(
        _ environment: AppEnvironment, host: String, port: Int, metricsPort: Int? = nil, idleTimeout: TimeAmount = idleTimeout,
        logger: Logger
    ) -> some ApplicationProtocol {
        // The metrics listener is bound to loopback whatever `host` is: what it tells belongs to the operator.
        let metrics = metricsPort.map { port in
            Application(
                router: metricsRouter(environment),
                configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "cqrs-gen App metrics"),
                logger: logger)
        }
        return Application(
            router: router(environment),
            server: .http1(configuration: .init(idleTimeout: idleTimeout)),
            configuration: .init(address: .hostname(host, port: port), serverName: "cqrs-gen App"),
            services: [OutboxSweep(relay: environment.services.outboxRelay)] + (metrics.map { [$0] } ?? []),
            logger: logger)
    }
}
