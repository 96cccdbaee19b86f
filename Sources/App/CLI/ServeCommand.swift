import ArgumentParser
import Foundation
import Hummingbird
import Logging

/// `App serve`: the HTTP server over a SQLite file, created and migrated on first start.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the API on loopback, over a SQLite database created and migrated on first start.",
        discussion: """
            The keys that sign tokens and encrypt provider credentials are kept beside the database, in \
            <database>.keys, created on first start. Emails (verification and reset tokens) are written to the log.
            """
    )

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Serves Prometheus metrics at /metrics on this port, on 127.0.0.1 only; off by default.")
    var metricsPort: Int?

    @Option(help: "The SQLite database file.")
    var database = "./app.sqlite"

    @Option(help: "The key file; defaults to the database's path with .keys appended.")
    var keys: String?

    @Option(help: ArgumentHelp("bcrypt's work factor, 4 to 31.", visibility: .hidden))
    var bcryptCost: UInt8 = 12

    @Option(help: "The log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
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
        let environment: AppEnvironment
        do {
            environment = try await AppEnvironment.open(
                databasePath: database, keysPath: keys ?? database + ".keys", bcryptCost: bcryptCost,
                baseURL: "http://\(host):\(port)", logger: logger)
        } catch {
            // Not a ValidationError: the arguments were right, and a usage line would say they were not.
            throw StartupFailure(message: "cannot open \(database): \(error)")
        }
        let migrations = try environment.database.appliedMigrations()
        logger.notice("database \(database): \(migrations.count) migrations applied, the last '\(migrations.last ?? "")'")
        if let metricsPort { logger.notice("metrics at http://127.0.0.1:\(metricsPort)/metrics") }
        try await AppServer.application(environment, host: host, port: port, metricsPort: metricsPort, logger: logger).runService()
    }
}

/// Why the server could not start although its arguments were valid.
struct StartupFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
