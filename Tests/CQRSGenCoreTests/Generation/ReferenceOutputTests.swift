import Foundation
import Testing

@testable import CQRSGenCore

/// The committed `Generated/` is the reference output for the real spec: regenerating in memory must give the same
/// bytes, file for file, as swift-format checks its generated files.
@Suite("Generated/ is the generator's output for the real spec")
struct ReferenceOutputTests {
    static let fixCommand = "swift package --allow-writing-to-package-directory generate-cqrs"

    @Test("every file matches, and nothing else is there")
    func generatedIsUpToDate() throws {
        let spec = try #require(try SpecLoader().load(contentsOf: PackageRoot.specPath).validSpec)
        let files = Generator().generate(spec)
        let folder = PackageRoot.url.appendingPathComponent("Generated").path
        let differences = OutputDirectory(path: folder).differences(from: files)
        #expect(differences.isEmpty, "Generated/ is stale (\(differences.map(\.name).joined(separator: ", "))); run `\(Self.fixCommand)`")
    }

    @Test("the build plugin declares exactly the Swift files the generator writes, and asks for no catalogue")
    func pluginDeclaresTheFiles() throws {
        let plugin = try String(
            contentsOf: PackageRoot.url.appendingPathComponent("Plugins/CQRSGenPlugin/CQRSGenPlugin.swift"), encoding: .utf8)
        let quotedSwiftFiles = plugin.split(separator: "\"").filter { $0.hasSuffix(".swift") }.map(String.init)
        #expect(quotedSwiftFiles == Generator.swiftFileNames)
        #expect(plugin.contains("\"--no-catalogue\""))
        #expect(Generator(options: GeneratorOptions(writesCatalogue: false)).fileNames == Generator.swiftFileNames)
    }

    @Test("the same spec gives the same bytes every time")
    func deterministic() throws {
        let spec = try #require(try SpecLoader().load(contentsOf: PackageRoot.specPath).validSpec)
        let first = Generator().generate(spec)
        let reloaded = try #require(try SpecLoader().load(contentsOf: PackageRoot.specPath).validSpec)
        #expect(Generator().generate(reloaded) == first)
        #expect(first.map(\.name) == Generator.swiftFileNames + ["OPERATIONS.md"])
    }
}
