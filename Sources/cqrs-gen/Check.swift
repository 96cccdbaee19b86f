import ArgumentParser
import CQRSGenCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks that the committed generated files match the spec.",
        discussion: """
            Compares the folder with what the spec generates and names every file that is stale, missing or extra, \
            with a short diff, then the command that fixes it. CI runs it so that Generated/ never drifts from the spec.

            Examples:
              cqrs-gen check
              cqrs-gen check spec/operations.yaml --generated Generated

            Exit status: 0 up to date, 1 stale (or the spec has errors), 2 a usage or I/O error.
            """
    )

    @OptionGroup var options: SpecOptions
    @OptionGroup var generation: GenerationOptions

    @Option(help: ArgumentHelp(
        "The folder of committed generated files (default: the configuration's committedOutput, else Generated/TARGET, else Generated).",
        valueName: "folder"))
    var generated: String?

    func run() throws {
        let loaded = try options.load()
        guard let spec = loaded.outcome.validSpec else { throw ExitCode(ExitStatus.specErrors) }
        let generated = generated ?? loaded.committedOutput ?? CQRSGenContract.committedOutputRoot
        let files = Generator(options: generation.generatorOptions(loaded)).generate(spec)
        let differences = OutputDirectory(path: generated).differences(from: files)
        guard !differences.isEmpty else { return }
        let fix = """
            \(generated)/ does not match \(loaded.shownPath). Regenerate it with
                swift package --allow-writing-to-package-directory generate-cqrs
            or
                swift run cqrs-gen generate \(loaded.specPath) --output \(generated)
            """
        options.output.report(errors: differences.map { difference in
            let path = generated + "/" + difference.name
            switch difference {
            case .missing:
                return (path, 1, "missing: the spec generates this file; \(Self.oneLine(fix))", "\(path):1:1: error: missing: the spec generates this file")
            case .stale(_, let line, let diff):
                let indented = diff.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
                return (path, line, "stale: the spec now generates something else; \(Self.oneLine(fix))",
                        "\(path):\(line):1: error: stale: the spec now generates something else\n" + indented)
            case .extra:
                return (path, 1, "extra: the spec does not generate this file", "\(path):1:1: error: extra: the spec does not generate this file")
            }
        })
        if options.output.format == .text { StandardError.write(fix) }
        throw ExitCode(ExitStatus.specErrors)
    }
}

extension Check {
    /// The fix as one sentence, for a JSON message.
    static func oneLine(_ text: String) -> String {
        text.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: " ")
    }
}
