import ArgumentParser
import CQRS

/// Prints the registry compiled into this binary: every operation with its metadata, then the statistics. It reads
/// the generated arrays, not the YAML, so it shows what the application really runs with.
struct OperationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operations",
        abstract: "Prints the registry compiled into the application, with its statistics.",
        discussion: "The statistics equal `cqrs-gen stats` for the spec the application was built from."
    )

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() {
        print(json ? RegistryListing.json(OperationRegistry.shared) : RegistryListing.text(OperationRegistry.shared))
    }
}

/// The registry as text or JSON.
enum RegistryListing {
    static func text(_ registry: Registry<OperationCategory>) -> String {
        var lines: [String] = []
        for category in OperationCategory.allCases {
            let commands = registry.commands(in: category), queries = registry.queries(in: category)
            guard !commands.isEmpty || !queries.isEmpty else { continue }
            lines.append("\(category.rawValue):")
            for command in commands {
                var traits = [command.requiresTransaction ? "transaction" : "no transaction"]
                traits.append(command.emitsEvents ? "\(command.events.count) events" : "no events")
                lines.append("  command \(command.name) -> \(command.resultTypeName ?? "Void") by \(command.handlerName) (\(traits.joined(separator: ", ")))  \(command.location)")
            }
            for query in queries {
                let traits = (query.isPaginated ? ["paginated"] : []) + ["cache \(query.cachePolicy.rawValue)"]
                lines.append("  query \(query.name) -> \(query.resultTypeName) by \(query.handlerName) (\(traits.joined(separator: ", ")))  \(query.location)")
            }
        }
        return (lines + ["", registry.statistics.text()]).joined(separator: "\n")
    }

    static func json(_ registry: Registry<OperationCategory>) -> String {
        func object(_ fields: [(String, String)]) -> String {
            "{" + fields.map { "\(quoted($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        func list(_ values: [String]) -> String { "[" + values.map(quoted).joined(separator: ", ") + "]" }
        let commands = registry.commands.map { command in
            object([
                ("name", quoted(command.name)), ("handler", quoted(command.handlerName)),
                ("category", quoted(command.category.rawValue)), ("result", command.resultTypeName.map(quoted) ?? "null"),
                ("has_result_dto", "\(command.hasResultDTO)"), ("emits_events", "\(command.emitsEvents)"),
                ("requires_transaction", "\(command.requiresTransaction)"), ("events", list(command.events)),
                ("description", quoted(command.description)), ("location", quoted(command.location.description)),
            ])
        }
        let queries = registry.queries.map { query in
            object([
                ("name", quoted(query.name)), ("handler", quoted(query.handlerName)),
                ("category", quoted(query.category.rawValue)), ("result", quoted(query.resultTypeName)),
                ("is_paginated", "\(query.isPaginated)"), ("cache_policy", quoted(query.cachePolicy.rawValue)),
                ("description", quoted(query.description)), ("location", quoted(query.location.description)),
            ])
        }
        let statistics = registry.statistics.json().split(separator: "\n").joined(separator: "\n  ")
        return """
            {
              "commands": [
                \(commands.joined(separator: ",\n    "))
              ],
              "queries": [
                \(queries.joined(separator: ",\n    "))
              ],
              "statistics": \(statistics)
            }
            """
    }

    private static func quoted(_ text: String) -> String {
        RegistryStatistics.jsonString(text)
    }
}
