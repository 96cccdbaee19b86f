import Foundation
import PackagePlugin

/// What cqrs-gen reads for one target: its spec, and its configuration if it has one, found the same way by the
/// build plugin and the command plugin.
///
/// A target keeps `operations.yaml` in its own source folder, with an optional `cqrs-gen-config.yaml` beside it; or
/// only the configuration, whose `spec` names a spec elsewhere in the package (the App's `spec/operations.yaml`).
struct TargetInputs {
    var targetName: String
    var spec: URL
    var configuration: URL?
    var packageRoot: URL
    /// How many files each file of per-item declarations is split into: the configuration's `outputShards`, or 1.
    var outputShards = 1

    /// Finds the inputs of the target named `targetName`, whose sources are in `directory`.
    init(targetName: String, directory: URL, packageRoot: URL) throws {
        self.targetName = targetName
        self.packageRoot = packageRoot
        var folder = Self.relative(directory, to: packageRoot)
        if folder.hasSuffix("/") { folder.removeLast() }
        let specs = Self.existing(CQRSGenContract.specFileNames, in: directory)
        let configurations = Self.existing(CQRSGenContract.configFileNames, in: directory)
        if specs.count > 1 || configurations.count > 1 {
            let names = (specs.count > 1 ? specs : configurations).map(\.lastPathComponent).joined(separator: " and ")
            throw PluginError("target '\(targetName)' has both \(names) in \(folder)/; keep one")
        }
        configuration = configurations.first
        if let configuration {
            let text = (try? String(contentsOf: configuration, encoding: .utf8)) ?? ""
            // A value out of range is the generator's error; until it is fixed, the build declares one file of each.
            if let shards = CQRSGenContract.outputShards(inConfiguration: text)?.count,
               (1...CQRSGenContract.maximumOutputShards).contains(shards)
            {
                outputShards = shards
            }
            if let named = CQRSGenContract.specPath(inConfiguration: text) {
                if let beside = specs.first {
                    throw PluginError(
                        "target '\(targetName)' has \(beside.lastPathComponent) in \(folder)/, but its "
                            + "\(configuration.lastPathComponent) names the spec '\(named.path)'; keep one")
                }
                spec = packageRoot.appending(path: named.path)
                return
            }
        }
        guard let beside = specs.first else {
            throw PluginError(
                "target '\(targetName)' applies CQRSGenPlugin but has no spec: looked for "
                    + CQRSGenContract.specFileNames.joined(separator: " or ") + " in \(folder)/, and for a "
                    + CQRSGenContract.configFileNames[0] + " there whose 'spec' names one by its path from the package root")
        }
        spec = beside
    }

    /// The arguments every cqrs-gen command takes to read these inputs: the spec, the configuration, and the root
    /// that paths in diagnostics and generated code are relative to.
    var arguments: [String] {
        var arguments = [spec.path(percentEncoded: false), "--package-root", packageRoot.path(percentEncoded: false)]
        if let configuration {
            arguments += ["--config", configuration.path(percentEncoded: false)]
        }
        return arguments + ["--target", targetName]
    }

    /// The Swift files the generator writes for these inputs, which the build plugin declares before it runs.
    var swiftFileNames: [String] { CQRSGenContract.swiftFileNames(shards: outputShards) }

    /// The files whose changes must rerun the generator.
    var files: [URL] { [spec] + (configuration.map { [$0] } ?? []) }

    private static func existing(_ names: [String], in directory: URL) -> [URL] {
        names.map { directory.appending(path: $0) }.filter { FileManager.default.fileExists(atPath: $0.path(percentEncoded: false)) }
    }

    /// `url` from the package root, as diagnostics name it.
    static func relative(_ url: URL, to root: URL) -> String {
        let path = url.standardizedFileURL.path(percentEncoded: false)
        var prefix = root.standardizedFileURL.path(percentEncoded: false)
        if !prefix.hasSuffix("/") { prefix += "/" }
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// A plugin's failure: one line, which SwiftPM prints as `error: …`.
struct PluginError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
