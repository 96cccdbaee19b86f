import Foundation
import PackagePlugin

/// Runs `cqrs-gen generate` on every build of the target it is applied to, so that the code compiled into the target
/// can never drift from its spec.
///
/// The target keeps its spec as `operations.yaml` in its source folder, with an optional `cqrs-gen-config.yaml`
/// beside it, or only the configuration, naming a spec elsewhere in the package (see ``TargetInputs``).
///
/// A build command, not a prebuild command: it runs only when the spec, the configuration or the tool changed, or an
/// output is missing, and the tool rewrites only files whose bytes change, so nothing recompiles when nothing changed.
@main
struct CQRSGenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let inputs = try TargetInputs(
            targetName: target.name, directory: target.directoryURL, packageRoot: context.package.directoryURL)
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        return [
            .buildCommand(
                // No '/' here: SwiftPM shortens the progress line at the last one.
                displayName: "Generating CQRS code for \(target.name)",
                executable: try context.tool(named: "cqrs-gen").url,
                arguments: ["generate"] + inputs.arguments + [
                    // Every handler and dependency protocol must be declared here: one error each at the spec if not.
                    "--sources", target.directoryURL.path(percentEncoded: false),
                    "--output", output.path(percentEncoded: false), "--quiet",
                    // OPERATIONS.md is for reviewers of the committed copy; nothing compiles it.
                    "--no-catalogue",
                ],
                // The target's Swift files too: adding the missing handler must rerun the check. A run that changes
                // nothing writes nothing, so nothing recompiles.
                inputFiles: inputs.files + target.sourceFiles(withSuffix: "swift").map(\.url),
                outputFiles: inputs.swiftFileNames.map { output.appending(path: $0) }
            )
        ]
    }
}
