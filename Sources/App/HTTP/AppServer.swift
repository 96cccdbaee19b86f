import Foundation
import Hummingbird
import Logging
import NIOCore

/// The HTTP server: Dashtam's REST routes under `/api/v1`, every one of which runs its operations through the
/// dispatcher, on a database session of its own.
enum AppServer {
    struct Health: Encodable, Sendable {
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
        router.add(middleware: RateLimitMiddleware(limiter: environment.rateLimiter))
        router.get("health") { _, _ in
            JSONBody(Health(
                status: "ok", migrations: try environment.database.appliedMigrations(),
                cache: environment.services.cacheMetrics.counts))
        }
        let api = router.group("api/v1")
        IdentityRoutes.add(to: api)
        let authenticated = api.group().add(middleware: BearerAuthentication(environment: environment))
        SessionRoutes.add(public: api, authenticated: authenticated)
        ProviderRoutes.add(to: authenticated, environment)
        AccountRoutes.add(to: authenticated)
        ImportRoutes.add(to: authenticated)
        routes.index(router)
        return router
    }

    /// How long a connection may send nothing before it is closed: a request trickled in or never finished holds a
    /// connection, and thousands of them would hold the server.
    static let idleTimeout: TimeAmount = .seconds(30)

    static func application(
        _ environment: AppEnvironment, host: String, port: Int, idleTimeout: TimeAmount = idleTimeout, logger: Logger
    ) -> some ApplicationProtocol {
        Application(
            router: router(environment),
            server: .http1(configuration: .init(idleTimeout: idleTimeout)),
            configuration: .init(address: .hostname(host, port: port), serverName: "cqrs-gen App"),
            logger: logger)
    }
}
