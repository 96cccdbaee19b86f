import Foundation
import Hummingbird
import Logging

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
        router.add(middleware: RequestScopeMiddleware(environment: environment))
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
        return router
    }

    static func application(
        _ environment: AppEnvironment, host: String, port: Int, logger: Logger
    ) -> some ApplicationProtocol {
        Application(
            router: router(environment),
            configuration: .init(address: .hostname(host, port: port), serverName: "cqrs-gen App"),
            logger: logger)
    }
}
