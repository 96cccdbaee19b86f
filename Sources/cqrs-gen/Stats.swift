import ArgumentParser
import CQRS
import CQRSGenCore

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints the registry's statistics, under the keys of Dashtam's get_statistics().",
        discussion: """
            total_commands, total_queries, total_operations, commands_by_category, queries_by_category, \
            commands_with_result_dto, commands_emitting_events, commands_requiring_transaction, paginated_queries \
            and queries_by_cache_policy. Category and policy counts are in spec order. A command has a result DTO \
            when its result is one of the spec's declared types.

            Examples:
              cqrs-gen stats
              cqrs-gen stats spec/operations.yaml --json

            Exit status: 0 printed, 1 the spec has errors (they are printed instead), 2 a usage or I/O error.
            """
    )

    @OptionGroup var options: SpecOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let outcome = try options.load().outcome
        guard let spec = outcome.validSpec else {
            throw ExitCode(ExitStatus.specErrors)
        }
        let statistics = RegistryStatistics(spec)
        print(json ? statistics.json() : statistics.text())
    }
}
