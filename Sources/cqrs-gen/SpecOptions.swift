import ArgumentParser
import CQRSGenCore

/// The spec argument every subcommand takes, and the shared way of loading it and reporting its diagnostics.
struct SpecOptions: ParsableArguments {
    @Argument(help: "The spec to read.", completion: .file(extensions: ["yaml", "yml"]))
    var spec: String = "spec/operations.yaml"

    @Option(help: ArgumentHelp(
        "How the spec is named in diagnostics and generated code (default: SPEC as given).",
        discussion: "The build plugin passes the spec's path relative to the package, so that the output is the same on every machine.",
        valueName: "path"))
    var displayPath: String?

    /// The spec's name in everything printed or generated.
    var shownPath: String { displayPath ?? spec }

    /// Loads the spec and prints its diagnostics to standard error. A file that cannot be read at all ends the
    /// command with exit status 2.
    func load(warningsAsErrors: Bool = false) throws -> SpecLoader.Outcome {
        var outcome: SpecLoader.Outcome
        do {
            outcome = try SpecLoader().load(contentsOf: spec)
        } catch {
            StandardError.write("error: \(error)")
            throw ExitCode(ExitStatus.usageOrIOError)
        }
        if warningsAsErrors {
            outcome.diagnostics = outcome.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.severity = .error
                return diagnostic
            }
        }
        let formatter = DiagnosticFormatter(path: shownPath)
        StandardError.write(formatter.format(outcome.diagnostics))
        if let summary = DiagnosticFormatter.summary(of: outcome.diagnostics) {
            StandardError.write(summary)
        }
        return outcome
    }
}
