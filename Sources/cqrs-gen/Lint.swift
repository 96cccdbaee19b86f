import ArgumentParser
import CQRSGenCore

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks the spec and reports every problem in it.",
        discussion: """
            Prints each problem as FILE:LINE:COLUMN: error|warning: MESSAGE, with note: lines where a second \
            position helps, sorted by position. Prints nothing when the spec is clean.

            Examples:
              cqrs-gen lint
              cqrs-gen lint path/to/operations.yaml --warnings-as-errors

            Exit status: 0 clean (warnings allowed), 1 the spec has errors, 2 a usage or I/O error.
            """
    )

    @OptionGroup var options: SpecOptions

    @Flag(help: "Treat warnings as errors: report them as errors and exit 1 when there are any.")
    var warningsAsErrors = false

    func run() throws {
        let outcome = try options.load(warningsAsErrors: warningsAsErrors).outcome
        if outcome.diagnostics.hasErrors {
            throw ExitCode(ExitStatus.specErrors)
        }
    }
}
