import CQRS
import ArgumentParser

/// The application's command line.
@main
struct AppCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "App",
        abstract: "The Dashtam application, built on the registry generated from spec/operations.yaml.",
        subcommands: [ServeCommand.self, OperationsCommand.self]
    )
}
