import Foundation
import PackagePlugin

/// Runs `cqrs-gen generate` on every build of the target it is applied to, so that the registry compiled into the
/// target can never drift from `spec/operations.yaml`.
///
/// A build command, not a prebuild command: it runs only when the spec or the tool changed, or an output is missing,
/// and the tool rewrites only files whose bytes change, so nothing recompiles when nothing changed.
@main
struct CQRSGenPlugin: BuildToolPlugin {
    /// The files `cqrs-gen generate --no-catalogue` always writes: SwiftPM must know them before the tool runs. The
    /// list must equal `Generator.swiftFileNames`; a test checks that it does.
    static let outputFiles = [
        "CQRSTypes.swift", "CQRSOperations.swift", "CQRSDependencies.swift", "CQRSHandlers.swift", "CQRSRegistry.swift",
    ]

    /// The spec's path relative to the package root: what diagnostics and generated code call it.
    static let specPath = "spec/operations.yaml"

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let spec = context.package.directoryURL.appending(path: Self.specPath)
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        return [
            .buildCommand(
                displayName: "Generating CQRS code for \(target.name) from \(Self.specPath)",
                executable: try context.tool(named: "cqrs-gen").url,
                arguments: [
                    "generate", spec.path(percentEncoded: false), "--display-path", Self.specPath,
                    "--output", output.path(percentEncoded: false), "--quiet",
                    // OPERATIONS.md is for reviewers of Generated/; nothing compiles it.
                    "--no-catalogue",
                ],
                inputFiles: [spec],
                outputFiles: Self.outputFiles.map { output.appending(path: $0) }
            )
        ]
    }
}
