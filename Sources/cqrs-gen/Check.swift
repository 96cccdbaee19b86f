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

    @Option(help: ArgumentHelp("The folder of committed generated files.", valueName: "folder"))
    var generated: String = "Generated"

    func run() throws {
        let outcome = try options.load()
        guard let spec = outcome.validSpec else { throw ExitCode(ExitStatus.specErrors) }
        let files = Generator(options: generation.generatorOptions(specPath: options.shownPath)).generate(spec)
        let differences = OutputDirectory(path: generated).differences(from: files)
        guard !differences.isEmpty else { return }
        for difference in differences {
            let path = generated + "/" + difference.name
            switch difference {
            case .missing:
                StandardError.write("\(path):1:1: error: missing: the spec generates this file")
            case .stale(_, let line, let diff):
                StandardError.write("\(path):\(line):1: error: stale: the spec now generates something else")
                StandardError.write(diff.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
            case .extra:
                StandardError.write("\(path):1:1: error: extra: the spec does not generate this file")
            }
        }
        StandardError.write("""
            \(generated)/ does not match \(options.shownPath). Regenerate it with
                swift package --allow-writing-to-package-directory generate-cqrs
            or
                swift run cqrs-gen generate \(options.spec) --output \(generated)
            """)
        throw ExitCode(ExitStatus.specErrors)
    }
}
