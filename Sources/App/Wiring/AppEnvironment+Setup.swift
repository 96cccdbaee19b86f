import CQRS
import Foundation
import Logging
import Prometheus

extension AppEnvironment {
    /// Opens (creating and migrating when needed) the database and the key file, and builds the services and the
    /// dispatcher on them: everything `serve` and the tests start from.
    static func open(
        database location: DatabaseLocation, keysPath: String, bcryptCost: UInt8 = 12, baseURL: String,
        overrides: Dispatcher.Overrides = Dispatcher.Overrides(), clock: DispatchClock = .continuous,
        wallClock: any WallClock = SystemWallClock(), mailer: (any EmailService)? = nil, limitsRates: Bool = true, logger: Logger
    ) async throws -> AppEnvironment {
        let database = try await AppDatabase.open(location, logger: logger)
        let keysCreated = !FileManager.default.fileExists(atPath: keysPath)
        let secrets = try AppSecrets.loadOrCreate(at: keysPath)
        if keysCreated { logger.notice("created new keys in \(keysPath)") }
        let keys = try await KeysCheck.check(secrets, keysCreated: keysCreated, database: database, at: wallClock.now)
        if let message = keys.logMessage(keysPath: keysPath) { logger.error("\(message)") }
        let services = await AppServices.production(
            database: database, secrets: secrets, bcryptCost: bcryptCost, baseURL: baseURL, clock: clock, wallClock: wallClock,
            mailer: mailer, logger: logger)
        // A registry of this environment's own, not the process's global metrics system: tests open many
        // environments in one process, and each counts only its own operations.
        let metrics = PrometheusCollectorRegistry()
        let rateLimiter: any RequestRateLimiter = switch database.dialect {
        case .postgres where limitsRates: PostgresRateLimiter(engine: database.engine, clock: wallClock)
        case .postgres, .sqlite: SlidingWindowRateLimiter(clock: clock, isEnabled: limitsRates)
        }
        return AppEnvironment(
            database: database, services: services,
            dispatcher: Dispatcher(
                database: database, services: services, overrides: overrides, clock: clock, metrics: metrics, logger: logger),
            rateLimiter: rateLimiter, metrics: metrics)
    }
}
