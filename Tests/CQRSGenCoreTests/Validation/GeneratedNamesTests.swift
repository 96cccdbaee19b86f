import Foundation
import Testing

@testable import CQRSGenCore

/// The one table of names (`GeneratedNames`) is what the validator reserves; these tests keep it equal to what the
/// renderers declare and what the runtime module declares, so that no copy can drift.
@Suite("The table of generated and runtime names")
struct GeneratedNamesTests {
    @Test("every type the CQRS runtime declares publicly is in the table, and nothing else")
    func runtimeNames() throws {
        let folder = PackageRoot.url.appendingPathComponent("Sources/CQRS")
        var declared: Set<String> = []
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        #expect(files.contains("Dispatch/OperationDispatcher.swift"), "the runtime's folders are read too")
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("public ") {
                let words = line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
                if let keyword = words.firstIndex(where: { ["struct", "enum", "protocol", "class", "actor", "typealias"].contains($0) }),
                   keyword + 1 < words.count
                {
                    declared.insert(String(words[keyword + 1]))
                }
            }
        }
        #expect(declared == Set(GeneratedNames.runtime))
    }

    @Test("every module-level declaration the generator writes is the spec's or in the table, and the table's all occur")
    func generatedNames() throws {
        let root = PackageRoot.url.appendingPathComponent("Tests/CQRSGenCoreTests/Fixtures/Generation")
        var fromTable: Set<String> = []
        for fixture in ["every-feature", "public-generic"] {
            let folder = root.appendingPathComponent(fixture)
            let spec = try #require(try SpecLoader(validator: SpecValidator(rules: []))
                .load(contentsOf: folder.appendingPathComponent("spec.yaml").path).spec)
            let specNames = Set(spec.types.map(\.name) + spec.operations.map(\.name)
                + spec.operations.map { GeneratedNames.handlerProtocol(of: $0.name) } + spec.events.map(\.name)
                + spec.commands.filter(\.listsEvents).map { GeneratedNames.eventSink(of: $0.name) }
                + spec.operations.filter(\.runsOperations).map { GeneratedNames.steps(of: $0.name) })
            for file in Generator(options: GeneratorOptions(accessLevel: .public)).generate(spec) where file.name.hasSuffix(".swift") {
                for line in file.contents.split(separator: "\n") where !line.hasPrefix(" ") && !line.hasPrefix("extension") {
                    let words = line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
                    guard let keyword = words.firstIndex(where: { ["struct", "enum", "protocol", "class", "typealias"].contains($0) }),
                          keyword + 1 < words.count, !line.hasPrefix("//")
                    else { continue }
                    let name = String(words[keyword + 1])
                    #expect(specNames.contains(name) || GeneratedNames.declared.contains(name), "\(file.name): \(name)")
                    if GeneratedNames.declared.contains(name) { fromTable.insert(name) }
                }
            }
        }
        #expect(fromTable == Set(GeneratedNames.declared))
    }
}
