import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-cqrs`: writes the generated Swift to `Generated/`,
/// the committed copy reviewers read, byte for byte what the build plugin compiles.
@main
struct GenerateCQRSCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let root = context.package.directoryURL
        let process = Process()
        process.executableURL = try context.tool(named: "cqrs-gen").url
        process.arguments = [
            "generate", root.appending(path: "spec/operations.yaml").path(percentEncoded: false),
            "--display-path", "spec/operations.yaml",
            "--output", root.appending(path: "Generated").path(percentEncoded: false),
        ] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Diagnostics.error("cqrs-gen generate failed with exit status \(process.terminationStatus); its messages are above.")
            throw GenerationFailed(status: process.terminationStatus)
        }
    }
}

struct GenerationFailed: Error, CustomStringConvertible {
    var status: Int32
    var description: String { "cqrs-gen generate exited with status \(status)" }
}
