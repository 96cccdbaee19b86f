import ArgumentParser
import CQRSGenCore

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generates the Swift of the spec's operations, registry and handler factories.",
        discussion: """
            Always writes the same files (\(Generator.swiftFileNames.joined(separator: ", ")), and \
            \(Generator.catalogueFileName) for reviewers unless --no-catalogue; the configuration's \
            '\(CQRSGenContract.outputShardsKey): N' adds N numbered files beside each of \
            \(CQRSGenContract.shardedFileNames.joined(separator: ", ")), each item in the one its name hashes \
            to), each atomically and only \
            when its bytes change, so that nothing rebuilds when nothing changed. Earlier generated files that the \
            spec no longer produces are removed; other files are left alone. Nothing is written when the spec has \
            errors.

            Examples:
              cqrs-gen generate --output Generated
              cqrs-gen generate spec/operations.yaml --output Generated --access-level public

            Exit status: 0 generated, 1 the spec has errors, 2 a usage or I/O error.
            """
    )

    @OptionGroup var options: SpecOptions
    @OptionGroup var generation: GenerationOptions

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "The folder to write the files to (default: the configuration's committedOutput, else Generated/TARGET).",
            valueName: "folder"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "The target's source folder: every handler and dependency protocol the spec names must be declared there.",
            discussion: "The build plugin passes it, so that a missing handler is one error at the spec rather than a compiler error per job.",
            valueName: "folder"),
        completion: .directory)
    var sources: String?

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func run() throws {
        let loaded = try options.load()
        let outcome = loaded.outcome
        guard let spec = outcome.validSpec else { throw ExitCode(ExitStatus.specErrors) }
        if let sources {
            let problems = SourceDeclarationCheck.problems(
                in: spec, sources: SwiftSources.texts(under: sources), folder: options.displayed(sources))
            if !problems.isEmpty {
                options.output.report(problems, path: loaded.shownPath)
                throw ExitCode(ExitStatus.specErrors)
            }
        }
        guard let output = output ?? loaded.committedOutput else {
            options.output.report(errors: [(
                loaded.shownPath, nil, "no output folder: pass --output, or --target, or set 'committedOutput' in the configuration",
                "error: no output folder: pass --output, or --target, or set 'committedOutput' in the configuration")])
            throw ExitCode(ExitStatus.usageOrIOError)
        }
        let generator = Generator(options: generation.generatorOptions(loaded))
        let report: OutputDirectory.WriteReport
        do {
            // Each file is streamed to disk as it is rendered: the output of a large spec is several times its size.
            report = try generator.write(spec, to: OutputDirectory(path: output))
        } catch {
            options.output.report(errors: [(output, nil, "\(error)", "error: \(error)")])
            throw ExitCode(ExitStatus.usageOrIOError)
        }
        if !quiet {
            var summary = "Generated \(generator.fileNames.count) files in \(options.displayed(output)): \(report.written.count) written, \(report.unchanged.count) unchanged"
            if !report.removed.isEmpty { summary += ", \(report.removed.count) removed (\(report.removed.joined(separator: ", ")))" }
            print(summary + ".")
        }
        // Everything is written. Freeing the spec and the output object by object would take a tenth of the run on
        // a large spec, for memory the process returns anyway (compilers skip it the same way: clang's -disable-free).
        withExtendedLifetime(outcome) {
            DiagnosticOutput.flush()
            Self.exit()
        }
    }
}
