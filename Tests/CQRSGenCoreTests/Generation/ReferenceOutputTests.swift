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
        let configuration = try PackageRoot.appConfiguration()
        let spec = try #require(
            try SpecLoader(conventions: configuration.conventions).load(contentsOf: PackageRoot.specPath).validSpec)
        let files = Generator(options: configuration.generatorOptions(specPath: "spec/operations.yaml")).generate(spec)
        let folder = PackageRoot.url.appendingPathComponent("Generated").path
        let differences = OutputDirectory(path: folder).differences(from: files)
        #expect(differences.isEmpty, "Generated/ is stale (\(differences.map(\.name).joined(separator: ", "))); run `\(Self.fixCommand)`")
    }

    @Test("the plugins and the generator share one contract: the same source file, the same output names")
    func pluginsShareTheContract() throws {
        // One renderer per declared output, in the contract's order.
        #expect(Generator.swiftRenderers.map { type(of: $0).name } == CQRSGenContract.swiftFileNames)
        #expect(Generator(options: GeneratorOptions(writesCatalogue: false)).fileNames == CQRSGenContract.swiftFileNames)
        // The plugins compile the very file CQRSGenCore compiles, through symbolic links, not a copy.
        let manager = FileManager.default
        let root = PackageRoot.url.path
        #expect(try manager.destinationOfSymbolicLink(atPath: root + "/Sources/CQRSGenCore/Contract/CQRSGenContract.swift")
            == "../../../Plugins/PluginsShared/CQRSGenContract.swift")
        for plugin in ["CQRSGenPlugin", "GenerateCQRSCommand"] {
            #expect(try manager.destinationOfSymbolicLink(atPath: root + "/Plugins/\(plugin)/PluginsShared") == "../PluginsShared")
        }
    }

    @Test("the same spec gives the same bytes every time")
    func deterministic() throws {
        let spec = try #require(try SpecLoader().load(contentsOf: PackageRoot.specPath).validSpec)
        let first = Generator().generate(spec)
        let reloaded = try #require(try SpecLoader().load(contentsOf: PackageRoot.specPath).validSpec)
        #expect(Generator().generate(reloaded) == first)
        #expect(first.map(\.name) == Generator.swiftFileNames + [CQRSGenContract.catalogueFileName, CQRSGenContract.openAPIFileName])
    }
}
