import Foundation
import Testing

@testable import CQRSGenCore

/// `outputShards`: each file of per-item declarations split into a fixed set of files, every item in the one its
/// name hashes to, so that editing or adding one rewrites its own shards and the shared files, and nothing else.
@Suite("Output split into shards")
struct OutputShardTests {
    static let specText = try! String(
        contentsOf: PackageRoot.url.appendingPathComponent("Tests/CQRSGenCoreTests/Fixtures/Generation/every-feature/spec.yaml"),
        encoding: .utf8)

    /// The Swift files of `text` split `shards` ways, by name.
    func generate(_ text: String, shards: Int) throws -> [String: String] {
        let outcome = SpecLoader().load(text)
        let spec = try #require(outcome.validSpec, "\(DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics))")
        let options = GeneratorOptions(specPath: "spec.yaml", writesCatalogue: false, outputShards: shards)
        return Dictionary(uniqueKeysWithValues: Generator(options: options).generate(spec).map { ($0.name, $0.contents) })
    }

    /// The names of the files whose contents differ between two generations.
    func changed(_ before: [String: String], _ after: [String: String]) -> Set<String> {
        Set(before.keys.filter { before[$0] != after[$0] })
    }

    @Test("an item's shard is FNV-1a of its name: the same on every machine and in every release")
    func stableHash() {
        #expect(OutputPart.shard(of: "RegisterUser", count: 16) == 4)
        #expect(OutputPart.shard(of: "ListTokens", count: 16) == 16)
        #expect(OutputPart.shard(of: "ListTokens", count: 1) == 1)
        #expect(OutputPart.shard(of: "", count: 64) == 6)
    }

    @Test("the generator writes exactly the files the plugin declares, each shard numbered as wide as the count")
    func fileNames() throws {
        for shards in [1, 3, 16] {
            let options = GeneratorOptions(writesCatalogue: false, outputShards: shards)
            #expect(Generator(options: options).fileNames == CQRSGenContract.swiftFileNames(shards: shards))
        }
        let names = CQRSGenContract.swiftFileNames(shards: 16)
        #expect(names.count == CQRSGenContract.swiftFileNames.count + 16 * CQRSGenContract.shardedFileNames.count)
        #expect(names.prefix(3) == ["CQRSTypes.swift", "CQRSTypes.01.swift", "CQRSTypes.02.swift"])
        #expect(names.contains("CQRSDependencies.swift") && !names.contains("CQRSDependencies.01.swift"))
        #expect(CQRSGenContract.shardFileName("CQRSOperations.swift", shard: 3, of: 9) == "CQRSOperations.3.swift")
        #expect(CQRSGenContract.shardFileName("CQRSOperations.swift", shard: 64, of: 64) == "CQRSOperations.64.swift")
    }

    @Test("every item is declared in exactly one shard, its own; the unnumbered file keeps what the items share")
    func everyItemOnce() throws {
        let files = try generate(Self.specText, shards: 3)
        for name in ["RegisterUser", "ImportFile", "RegisterAndList", "ListTokens", "GetTokenOfKind"] {
            let shard = OutputPart.shard(of: name, count: 3)
            for kind in ["CQRSOperations", "CQRSRegistry", "CQRSHandlers"] {
                let holding = files.filter { $0.value.contains("extension \(name)") || $0.value.contains("struct \(name):") }
                    .map(\.key).filter { $0.hasPrefix(kind + ".") }
                #expect(holding == ["\(kind).\(shard).swift"], "\(name) in \(holding)")
            }
        }
        #expect(files["CQRSOperations.swift"]?.contains("struct") == false)
        #expect(files["CQRSRegistry.swift"]?.contains("static let commands: [CommandMetadata<OperationCategory>] = [") == true)
        #expect(files["CQRSHandlers.swift"]?.contains("struct HandlerOverrides<") == true)
        #expect(files["CQRSRoutes.swift"]?.contains("static let openAPIDocument") == true)
        #expect(files["CQRSOperations.2.swift"]?.contains(
            "// Part 2 of 3: the items whose names hash to it; what they share is in CQRSOperations.swift.") == true)
        #expect(files["CQRSOperations.swift"]?.contains(
            "// Each item's declarations are in CQRSOperations.1.swift to CQRSOperations.3.swift, in the one its name hashes to.") == true)
    }

    @Test("editing one operation's description rewrites its own two shards, no other Swift file")
    func oneEditOneShard() throws {
        let before = try generate(Self.specText, shards: 3)
        let edited = Self.specText.replacingOccurrences(
            of: "description: Register, then read the tokens;", with: "description: Register, then list the tokens;")
        #expect(edited != Self.specText)
        let shard = OutputPart.shard(of: "RegisterAndList", count: 3)
        #expect(changed(before, try generate(edited, shards: 3)) == ["CQRSOperations.\(shard).swift", "CQRSRegistry.\(shard).swift"])
    }

    @Test("adding an operation rewrites the shared files and its own shards; every other shard keeps its bytes")
    func additionLeavesOtherShards() throws {
        let before = try generate(Self.specText, shards: 3)
        let added = Self.specText + """
              CountTokens:
                category: data_sync
                description: How many tokens there are.
                result: Int

            """
        let shard = OutputPart.shard(of: "CountTokens", count: 3)
        let rewritten = changed(before, try generate(added, shards: 3))
        #expect(rewritten.contains("CQRSOperations.\(shard).swift"))
        let otherShards = rewritten.filter { name in name.split(separator: ".").count == 3 && !name.hasSuffix(".\(shard).swift") }
        #expect(otherShards.isEmpty, "\(otherShards.sorted())")
    }

    @Test("split or whole, the spec's declarations are the same lines")
    func sameDeclarations() throws {
        let whole = try generate(Self.specText, shards: 1)
        let split = try generate(Self.specText, shards: 3)
        func declarations(_ files: [String: String]) -> [String] {
            files.values.flatMap { $0.split(separator: "\n") }.map(String.init)
                .filter { !$0.hasPrefix("//") && !$0.hasPrefix("import ") && !$0.isEmpty && $0 != "}" }.sorted()
        }
        // Splitting adds only the extension lines that reopen the handler factory in each shard.
        let extra = declarations(split).count - declarations(whole).count
        #expect(Set(declarations(split)) == Set(declarations(whole)))
        #expect(extra >= 0 && extra <= 3 * 3, "\(extra) more lines")
    }

    @Test("the split is made once: each item in its own shard alone, in spec order")
    func partition() throws {
        let spec = try #require(SpecLoader().load(Self.specText).validSpec)
        let partition = ShardPartition(spec, count: 3)
        let index = SpecIndex(spec)
        func check(_ shards: [[Int]], _ names: [String], _ kind: String) {
            #expect(shards.count == 3, "\(kind)")
            #expect(shards.flatMap { $0 }.sorted() == Array(names.indices), "\(kind): each position once")
            for (number, positions) in shards.enumerated() {
                #expect(positions == positions.sorted(), "\(kind): spec order in shard \(number + 1)")
                for position in positions {
                    #expect(OutputPart.shard(of: names[position], count: 3) == number + 1, "\(kind): \(names[position])")
                }
            }
        }
        check(partition.types, spec.types.map(\.name), "types")
        check(partition.events, spec.events.map(\.name), "events")
        check(partition.commands, spec.commands.map(\.name), "commands")
        check(partition.queries, spec.queries.map(\.name), "queries")
        check(partition.operations, index.operations.map(\.name), "operations")
        // One piece renders the spec's lists whole, so nothing is split, and nothing is kept.
        let whole = ShardPartition(spec, count: 1)
        let kept = [whole.types, whole.events, whole.commands, whole.queries, whole.operations].map(\.count)
        #expect(kept == [0, 0, 0, 0, 0])
    }
}
