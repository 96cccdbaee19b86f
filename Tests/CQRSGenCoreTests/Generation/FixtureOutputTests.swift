import Foundation
import Testing

@testable import CQRSGenCore

/// File-based reference tests: each folder in `Fixtures/Generation` holds a `spec.yaml` and, in `expected/`, the
/// files it must generate, byte for byte. A reviewer reads a generator change as a diff of these files.
@Suite("Generated output for the fixture specs")
struct FixtureOutputTests {
    static let root = PackageRoot.url.appendingPathComponent("Tests/CQRSGenCoreTests/Fixtures/Generation")

    static var fixtures: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("there are fixtures to check")
    func fixturesExist() {
        #expect(Self.fixtures == ["empty", "every-feature", "public-generic", "sharded"])
    }

    @Test("each fixture generates exactly its expected files", arguments: Self.fixtures)
    func fixture(name: String) throws {
        let folder = Self.root.appendingPathComponent(name)
        // A fixture may have a configuration beside its spec, as a target does.
        let configurationPath = folder.appendingPathComponent("cqrs-gen-config.yaml").path
        var configuration = GeneratorConfiguration()
        if FileManager.default.fileExists(atPath: configurationPath) {
            let result = try ConfigurationLoader().load(contentsOf: configurationPath)
            #expect(result.diagnostics.isEmpty)
            configuration = result.configuration
        }
        let outcome = try SpecLoader(conventions: configuration.conventions)
            .load(contentsOf: folder.appendingPathComponent("spec.yaml").path)
        let spec = try #require(outcome.validSpec, "\(DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics))")
        let files = Generator(options: configuration.generatorOptions(specPath: "spec.yaml")).generate(spec)
        let differences = OutputDirectory(path: folder.appendingPathComponent("expected").path).differences(from: files)
        let fix = "swift run cqrs-gen generate \(folder.path)/spec.yaml --display-path spec.yaml --output \(folder.path)/expected"
        #expect(differences.isEmpty, "\(name): \(differences.map(\.name).joined(separator: ", ")) differ; if the change is intended, run `\(fix)`")
    }
}
