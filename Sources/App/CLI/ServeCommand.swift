import ArgumentParser
import Foundation
import Hummingbird
import Logging

/// `App serve`: the HTTP server over a SQLite file or a PostgreSQL database, created or migrated on start.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the API on loopback, over a SQLite file or a PostgreSQL database, migrated on start.",
        discussion: """
            --database is the path of a SQLite file (created on first start) or a postgres:// URL. The keys that \
            sign tokens and encrypt provider credentials are kept in a key file, created on first start: beside a \
            SQLite file by default (<database>.keys); with PostgreSQL, name it with --keys, the same file for every \
            instance that shares the database. Emails (verification and reset tokens) are written to the log.
            """
    )

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Serves Prometheus metrics at /metrics on this port, on 127.0.0.1 only; off by default.")
    var metricsPort: Int?

    @Option(help: "The SQLite database file, or a PostgreSQL URL (postgres://user:password@host:port/database).")
    var database = "./app.sqlite"

    @Option(help: "The key file; defaults to a SQLite database's path with .keys appended. Required with PostgreSQL.")
    var keys: String?

    @Option(help: ArgumentHelp("bcrypt's work factor, 4 to 31.", visibility: .hidden))
    var bcryptCost: UInt8 = 12

    @Option(help: "The log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        if case .postgres = DatabaseLocation(database), keys == nil {
            throw ValidationError("--keys is required with a PostgreSQL database: every instance must share one key file.")
        }
        guard (4...31).contains(bcryptCost) else { throw ValidationError("--bcrypt-cost must be between 4 and 31.") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level '\(logLevel)' is not a level.") }
        if let metricsPort {
            guard (1...65535).contains(metricsPort), metricsPort != port else {
                throw ValidationError("--metrics-port must be a port from 1 to 65535 other than --port.")
            }
        }
    }

    func run() async throws {
        var logger = Logger(label: "App")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let location = DatabaseLocation(database)
        let environment: AppEnvironment
        do {
            environment = try await AppEnvironment.open(
                database: location, keysPath: keys ?? database + ".keys", bcryptCost: bcryptCost,
                baseURL: "http://\(host):\(port)", logger: logger)
        } catch {
            // Not a ValidationError: the arguments were right, and a usage line would say they were not.
            throw StartupFailure(message: "cannot open \(location): \(String(reflecting: error))")
        }
        let migrations = try await environment.database.appliedMigrations()
        logger.notice("database \(location): \(migrations.count) migrations applied, the last '\(migrations.last ?? "")'")
        if let metricsPort { logger.notice("metrics at http://127.0.0.1:\(metricsPort)/metrics") }
        try await AppServer.application(environment, host: host, port: port, metricsPort: metricsPort, logger: logger).runService()
    }
}

/// Why the server could not start although its arguments were valid.
struct StartupFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
