// The one source of what the build plugin, the command plugin and the generator must agree on: the files a target
// keeps its spec and configuration in, the files the generator writes, and where committed copies go.
//
// This file is compiled three times, from one copy: into CQRSGenCore (through a symbolic link in
// Sources/CQRSGenCore/Contract/) and into each plugin (through Plugins/*/PluginsShared). Plugins cannot import a
// library target, so sharing the source is how they share facts with the tool. It imports nothing.

/// File names and folders every part of cqrs-gen agrees on.
public enum CQRSGenContract {
    /// The spec a target keeps in its own source folder, in the order they are looked for.
    public static let specFileNames = ["operations.yaml", "operations.yml"]

    /// The optional configuration beside it.
    public static let configFileNames = ["cqrs-gen-config.yaml", "cqrs-gen-config.yml"]

    /// The Swift files `cqrs-gen generate` writes for every spec, in order: what the build plugin declares as its
    /// outputs before the tool runs, and compiles.
    public static let swiftFileNames = [
        typesFileName, operationsFileName, eventsFileName, dependenciesFileName, handlersFileName, registryFileName,
        routesFileName,
    ]

    public static let typesFileName = "CQRSTypes.swift"
    public static let operationsFileName = "CQRSOperations.swift"
    public static let eventsFileName = "CQRSEvents.swift"
    public static let dependenciesFileName = "CQRSDependencies.swift"
    public static let handlersFileName = "CQRSHandlers.swift"
    public static let registryFileName = "CQRSRegistry.swift"
    public static let routesFileName = "CQRSRoutes.swift"

    /// The catalogue for reviewers, written into committed copies only: nothing compiles it.
    public static let catalogueFileName = "OPERATIONS.md"

    /// The OpenAPI document of the spec's routes, written into committed copies with the catalogue; the Swift holds
    /// the same text for a server to publish.
    public static let openAPIFileName = "openapi.json"

    /// Where a target's committed copy goes unless its configuration says otherwise: `Generated/<target folder>`,
    /// relative to the package root, outside every target's sources so that it is never compiled twice.
    public static let committedOutputRoot = "Generated"

    /// The configuration key that names the spec by a path relative to the package root.
    public static let specKey = "spec"

    /// The value of the configuration's top-level `spec` key, read without a YAML library: the build plugin must
    /// know the spec's path to declare it as an input before the generator runs, and plugins cannot link libyaml.
    ///
    /// It reads one form only: the key at the start of a line, then a plain, single-quoted or double-quoted value
    /// without escapes, then an optional comment. The generator reads the configuration with libyaml, calls this
    /// too, and reports a `spec` written any other way, so the two readings can never disagree silently.
    public static func specPath(inConfiguration text: String) -> (path: String, line: Int)? {
        guard let value = topLevelValue(of: specKey, inConfiguration: text), !value.text.isEmpty else { return nil }
        return (value.text, value.line)
    }

    // MARK: - Output shards

    /// The configuration key that splits each file of per-item declarations into this many files.
    public static let outputShardsKey = "outputShards"

    /// The most files one kind of declaration may be split into.
    public static let maximumOutputShards = 64

    /// The files whose declarations of operations, types, events and routes `outputShards` splits, each item into
    /// the shard its name hashes to; each keeps its own name for what the items share.
    public static let shardedFileNames = [
        typesFileName, operationsFileName, eventsFileName, handlersFileName, registryFileName, routesFileName,
    ]

    /// The Swift files `cqrs-gen generate` writes when each of ``shardedFileNames`` is split into `shards` files:
    /// each file's own name, then its shards, in order.
    public static func swiftFileNames(shards: Int) -> [String] {
        guard shards > 1 else { return swiftFileNames }
        return swiftFileNames.flatMap { name in
            shardedFileNames.contains(name) ? [name] + (1...shards).map { shardFileName(name, shard: $0, of: shards) } : [name]
        }
    }

    /// `CQRSOperations.03.swift`: shard 3 of `count` of the file `name`, its number as wide as the count's, so that
    /// the files list in order.
    public static func shardFileName(_ name: String, shard: Int, of count: Int) -> String {
        let digits = String(shard)
        let number = String(repeating: "0", count: max(0, String(count).count - digits.count)) + digits
        let stem = name.hasSuffix(".swift") ? String(name.dropLast(".swift".count)) : name
        return "\(stem).\(number).swift"
    }

    /// The value of the configuration's top-level `outputShards` key, read as ``specPath(inConfiguration:)`` reads
    /// `spec`: a plain whole number at the start of a line, which the generator checks it reads the same way.
    public static func outputShards(inConfiguration text: String) -> (count: Int, line: Int)? {
        guard let value = topLevelValue(of: outputShardsKey, inConfiguration: text), !value.quoted,
              let count = Int(value.text)
        else { return nil }
        return (count, value.line)
    }

    /// The scalar value of a top-level key written at the start of a line: plain, or quoted without escapes, with an
    /// optional comment after it; nil for any other form.
    static func topLevelValue(of key: String, inConfiguration text: String) -> (text: String, quoted: Bool, line: Int)? {
        var lineNumber = 0
        // "\r\n" is one Character in Swift: split on it as on "\n" and "\r", the line breaks YAML knows.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            guard line.hasPrefix(key + ":") else { continue }
            var value = line.dropFirst(key.count + 1).drop { $0 == " " || $0 == "\t" }
            if let quote = value.first, quote == "\"" || quote == "'" {
                value = value.dropFirst()
                guard let end = value.firstIndex(of: quote) else { return nil }
                let quoted = value[..<end]
                let rest = value[value.index(after: end)...].drop { $0 == " " || $0 == "\t" }
                guard rest.isEmpty || rest.first == "#", !(quote == "\"" && quoted.contains("\\")) else { return nil }
                return (String(quoted), true, lineNumber)
            }
            // A plain value ends at a comment, which YAML starts with a space and '#'.
            var end = value.endIndex
            var index = value.startIndex
            while index < value.endIndex {
                if value[index] == "#", index == value.startIndex || value[value.index(before: index)] == " " {
                    end = index
                    break
                }
                index = value.index(after: index)
            }
            var plain = value[..<end]
            while let last = plain.last, last == " " || last == "\t" { plain = plain.dropLast() }
            return (String(plain), false, lineNumber)
        }
        return nil
    }
}
