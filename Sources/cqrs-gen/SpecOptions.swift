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

    @Option(help: ArgumentHelp("The largest spec to read, in bytes.", valueName: "bytes"))
    var maxSpecBytes = ReaderLimits.default.maximumBytes

    @Option(help: ArgumentHelp("The deepest nesting of mappings and lists to read.", valueName: "levels"))
    var maxNesting = ReaderLimits.default.maximumDepth

    @Option(help: ArgumentHelp("The most scalars, mappings and lists to read.", valueName: "count"))
    var maxNodes = ReaderLimits.default.maximumNodes

    @OptionGroup var output: DiagnosticOutput

    /// The spec's name in everything printed or generated.
    var shownPath: String { displayPath ?? spec }

    func validate() throws {
        for (name, value) in [("--max-spec-bytes", maxSpecBytes), ("--max-nesting", maxNesting), ("--max-nodes", maxNodes)] where value < 1 {
            throw ValidationError("\(name) must be at least 1, not \(value)")
        }
    }

    /// The reader's bounds, so that no spec can exhaust memory or time.
    var limits: ReaderLimits {
        ReaderLimits(maximumBytes: maxSpecBytes, maximumDepth: maxNesting, maximumNodes: maxNodes)
    }

    /// Loads the spec and prints its diagnostics to standard error. A file that cannot be read at all ends the
    /// command with exit status 2.
    func load(warningsAsErrors: Bool = false) throws -> SpecLoader.Outcome {
        output.begin()
        var outcome: SpecLoader.Outcome
        do {
            outcome = try SpecLoader(reader: YAMLReader(limits: limits)).load(contentsOf: spec)
        } catch {
            output.report(errors: [(shownPath, nil, "\(error)", "error: \(error)")])
            throw ExitCode(ExitStatus.usageOrIOError)
        }
        if warningsAsErrors {
            outcome.diagnostics = outcome.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.severity = .error
                return diagnostic
            }
        }
        output.report(outcome.diagnostics, path: shownPath)
        return outcome
    }
}
