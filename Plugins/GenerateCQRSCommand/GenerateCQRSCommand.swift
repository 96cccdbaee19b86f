import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-cqrs [--target NAME ...]`: writes the committed copy
/// of each target's generated code, byte for byte what the build plugin compiles, with `OPERATIONS.md` for reviewers.
///
/// Without `--target`, every target whose source folder holds a spec or a cqrs-gen configuration; each into its
/// configuration's `committedOutput`, or `Generated/<target>` at the package root. Arguments after `--` go to
/// `cqrs-gen generate` itself.
@main
struct GenerateCQRSCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let named = extractor.extractOption(named: "target")
        let toolArguments = extractor.remainingArguments.filter { $0 != "--" }
        let root = context.package.directoryURL
        let candidates = context.package.targets.compactMap { $0 as? SourceModuleTarget }
        var chosen: [(target: SourceModuleTarget, inputs: TargetInputs)] = []
        if named.isEmpty {
            for target in candidates where Self.holdsInputs(target.directoryURL) {
                chosen.append((target, try TargetInputs(targetName: target.name, directory: target.directoryURL, packageRoot: root)))
            }
            guard !chosen.isEmpty else {
                throw PluginError(
                    "no target of this package holds " + (CQRSGenContract.specFileNames + CQRSGenContract.configFileNames)
                        .joined(separator: ", "))
            }
        } else {
            for name in named {
                guard let target = candidates.first(where: { $0.name == name }) else {
                    let names = candidates.map(\.name).sorted().joined(separator: ", ")
                    throw PluginError("no target named '\(name)' in this package (its targets: \(names))")
                }
                chosen.append((target, try TargetInputs(targetName: target.name, directory: target.directoryURL, packageRoot: root)))
            }
        }
        chosen.sort { $0.target.name < $1.target.name }
        let tool = try context.tool(named: "cqrs-gen").url
        var failed: [String] = []
        for (target, inputs) in chosen {
            let process = Process()
            process.executableURL = tool
            process.arguments = ["generate"] + inputs.arguments + toolArguments
            // The tool's messages are relayed through this plugin's own output before anything the plugin reports,
            // so that they come first.
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            FileHandle.standardOutput.write(text)
            if process.terminationStatus != 0 { failed.append(target.name) }
        }
        guard failed.isEmpty else {
            // Printed after the tool's messages, and the plugin exits with a failure. A thrown error or a Diagnostics
            // message would be shown before them: SwiftPM relays the plugin's output only when the plugin ends.
            print("error: cqrs-gen generate failed for " + failed.map { "'\($0)'" }.joined(separator: ", ") + "; its messages are above")
            exit(1)
        }
    }

    private static func holdsInputs(_ directory: URL) -> Bool {
        (CQRSGenContract.specFileNames + CQRSGenContract.configFileNames).contains { name in
            FileManager.default.fileExists(atPath: directory.appending(path: name).path(percentEncoded: false))
        }
    }
}
