import ArgumentParser
import CQRSGenCore

@main
struct CQRSGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cqrs-gen",
        abstract: "Generates the Swift of a CQRS application from its spec of commands and queries.",
        discussion: """
            The spec, spec/operations.yaml by default, declares every command and query with its metadata, \
            result type, handler and dependencies. Problems are reported as FILE:LINE:COLUMN: error: MESSAGE.

            Exit status: 0 success, 1 the spec has errors, 2 a usage or I/O error.
            """,
        version: CQRSGenVersion.current,
        subcommands: [Lint.self, Generate.self, Check.self, Stats.self, Schema.self, Scaffold.self]
    )

    /// ArgumentParser exits with 64 on a usage error; like compilers and linters, this tool uses 2 for usage and
    /// I/O errors and keeps 1 for problems in the spec.
    static func main() {
        // glibc gives each thread that allocates an arena of its own, and memory freed in one (the spec's document,
        // after decoding) is not reused by the others (validation and rendering, on all cores): one arena keeps the
        // peak at what is live. The generator's few threads contend for it too little to measure.
        MallocTuning.useOneArena()
        do {
            var command = try parseAsRoot()
            try command.run()
            DiagnosticOutput.flush()
        } catch {
            DiagnosticOutput.flush()
            if exitCode(for: error) == .validationFailure {
                StandardError.write(fullMessage(for: error))
                Self.exit(withError: ExitCode(ExitStatus.usageOrIOError))
            }
            Self.exit(withError: error)
        }
    }
}

enum ExitStatus {
    static let success: Int32 = 0
    static let specErrors: Int32 = 1
    static let usageOrIOError: Int32 = 2
}

enum CQRSGenVersion {
    static let current = "0.1.0"
}
