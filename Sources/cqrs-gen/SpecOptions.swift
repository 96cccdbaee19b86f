import ArgumentParser
import CQRSGenCore
import FoundationEssentials

/// The inputs every subcommand reads (a spec, and the configuration of the target it belongs to) and the shared way
/// of loading them and reporting their diagnostics.
struct SpecOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "The spec to read.",
            discussion: "Default: the configuration's 'spec', else operations.yaml beside the configuration, else spec/operations.yaml (with the configuration in Sources/<target>/ that names it, if one does)."),
        completion: .file(extensions: ["yaml", "yml"]))
    var spec: String?

    @Option(
        help: ArgumentHelp(
            "The target's cqrs-gen-config.yaml (default: the one beside the spec, if any).",
            valueName: "file"),
        completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    @Option(help: ArgumentHelp(
        "The package root: paths in the configuration are relative to it, and diagnostics and generated code name files from it.",
        valueName: "folder"), completion: .directory)
    var packageRoot = "."

    @Option(help: ArgumentHelp(
        "The target the spec belongs to: the committed copy goes to Generated/TARGET unless the configuration says otherwise.",
        valueName: "name"))
    var target: String?

    @Option(help: ArgumentHelp(
        "How the spec is named in diagnostics and generated code (default: its path from the package root).",
        valueName: "path"))
    var displayPath: String?

    @Option(help: ArgumentHelp("The largest spec to read, in bytes.", valueName: "bytes"))
    var maxSpecBytes = ReaderLimits.default.maximumBytes

    @Option(help: ArgumentHelp("The deepest nesting of mappings and lists to read.", valueName: "levels"))
    var maxNesting = ReaderLimits.default.maximumDepth

    @Option(help: ArgumentHelp("The most scalars, mappings and lists to read.", valueName: "count"))
    var maxNodes = ReaderLimits.default.maximumNodes

    @OptionGroup var output: DiagnosticOutput

    func validate() throws {
        for (name, value) in [("--max-spec-bytes", maxSpecBytes), ("--max-nesting", maxNesting), ("--max-nodes", maxNodes)] where value < 1 {
            throw ValidationError("\(name) must be at least 1, not \(value)")
        }
    }

    /// The reader's bounds, so that no spec can exhaust memory or time.
    var limits: ReaderLimits {
        ReaderLimits(maximumBytes: maxSpecBytes, maximumDepth: maxNesting, maximumNodes: maxNodes)
    }

    /// What a subcommand works from once the inputs are read.
    struct Loaded {
        var outcome: SpecLoader.Outcome
        var configuration: GeneratorConfiguration
        /// The spec's path as given or found, for messages that suggest a command.
        var specPath: String
        /// The spec's name in everything printed or generated.
        var shownPath: String
        /// Where the committed copy lives, when the configuration or the target says.
        var committedOutput: String?
    }

    /// Loads the configuration and the spec and prints their diagnostics to standard error. A file that cannot be
    /// read at all ends the command with exit status 2; a configuration with errors, with status 1 once the spec's
    /// problems are reported too.
    func load(warningsAsErrors: Bool = false) throws -> Loaded {
        output.begin()
        let configPath = config ?? spec.flatMap(Self.configurationBeside) ?? configurationNaming(spec ?? Self.defaultSpec)
        var configuration = GeneratorConfiguration()
        var configurationErrors = false
        if let configPath {
            do {
                let result = try ConfigurationLoader(reader: YAMLReader(limits: limits)).load(contentsOf: configPath)
                configuration = result.configuration
                output.report(mark(result.diagnostics, warningsAsErrors), path: displayed(configPath))
                configurationErrors = result.diagnostics.hasErrors || warningsAsErrors && !result.diagnostics.isEmpty
            } catch {
                output.report(errors: [(displayed(configPath), nil, "\(error)", "error: \(error)")])
                throw ExitCode(ExitStatus.usageOrIOError)
            }
        }
        let specPath = spec
            ?? configuration.spec.map { rooted($0.value) }
            ?? configPath.map { Self.folder(of: $0) + "operations.yaml" }
            ?? Self.defaultSpec
        let shownPath = displayPath ?? displayed(specPath)
        var outcome: SpecLoader.Outcome
        do {
            outcome = try SpecLoader(reader: YAMLReader(limits: limits), conventions: configuration.conventions)
                .load(contentsOf: specPath)
        } catch {
            output.report(errors: [(shownPath, nil, "\(error)", "error: \(error)")])
            throw ExitCode(ExitStatus.usageOrIOError)
        }
        outcome.diagnostics = mark(outcome.diagnostics, warningsAsErrors)
        output.report(outcome.diagnostics, path: shownPath)
        if configurationErrors { throw ExitCode(ExitStatus.specErrors) }
        let committed = configuration.committedOutput.map { rooted($0.value) }
            ?? target.map { rooted(CQRSGenContract.committedOutputRoot + "/" + $0) }
        return Loaded(
            outcome: outcome, configuration: configuration, specPath: specPath, shownPath: shownPath, committedOutput: committed)
    }

    private func mark(_ diagnostics: [Diagnostic], _ warningsAsErrors: Bool) -> [Diagnostic] {
        guard warningsAsErrors else { return diagnostics }
        return diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.severity = .error
            return diagnostic
        }
    }

    /// A path the configuration gives from the package root, as this process can open it.
    func rooted(_ path: String) -> String {
        var root = packageRoot
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        return path.hasPrefix("/") || root == "." ? path : root + "/" + path
    }

    /// `path` as messages and generated code name it: from the package root when it lies inside, else as given.
    func displayed(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String { Self.normalized(path.hasPrefix("/") ? path : current + "/" + path) }
        let root = absolute(packageRoot) + "/"
        let file = absolute(path)
        return file.hasPrefix(root) ? String(file.dropFirst(root.count)) : path
    }

    static let defaultSpec = "spec/operations.yaml"

    /// The one target configuration (`Sources/<target>/cqrs-gen-config.yaml`) whose `spec` names this spec, as the
    /// App's names `spec/operations.yaml`: so that `cqrs-gen check` with no arguments checks what the build compiles.
    func configurationNaming(_ specPath: String) -> String? {
        let wanted = displayed(specPath)
        let sources = rooted("Sources")
        guard let targets = try? FileManager.default.contentsOfDirectory(atPath: sources) else { return nil }
        let matches = targets.sorted().flatMap { target in
            CQRSGenContract.configFileNames.map { "\(sources)/\(target)/\($0)" }
        }.filter { path in
            guard let data = FileManager.default.contents(atPath: path) else { return false }
            return CQRSGenContract.specPath(inConfiguration: String(decoding: data, as: UTF8.self))?.path == wanted
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The configuration a spec's target keeps beside it, if there is one.
    static func configurationBeside(_ specPath: String) -> String? {
        CQRSGenContract.configFileNames.map { folder(of: specPath) + $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// `Sources/App/operations.yaml` → `Sources/App/`; `operations.yaml` → the empty string.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// Removes `.` and `..` components and repeated slashes from an absolute path.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
