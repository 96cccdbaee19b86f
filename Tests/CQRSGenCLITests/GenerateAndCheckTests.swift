import CQRSGenCore
import Foundation
import Testing

/// `cqrs-gen generate` and `cqrs-gen check` as CI and developers run them.
@Suite("cqrs-gen generate and check", .serialized)
struct GenerateAndCheckTests {
    static let spec = """
        version: 1
        categories:
          auth: Authentication.
        dependencies:
          request:
            UserRepository:
        commands:
          RegisterUser:
            category: auth
            description: Register a user.
            fields:
              email: String
            result: UUID
            handler:
              dependencies: [UserRepository]
        """

    static func run(_ arguments: [String], in folder: URL) throws -> CLITests.Run {
        try CLITests.run(arguments, in: folder)
    }

    static func modificationDate(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    /// The files `generate` writes: the contract's Swift files, the catalogue and the OpenAPI document.
    static let fileCount = CQRSGenContract.swiftFileNames.count + 2

    @Test("generate writes the contract's Swift files and the catalogue, then rewrites none when nothing changed")
    func generateWritesOnlyChanges() throws {
        let folder = try CLITests.folder(with: ["spec/operations.yaml": Self.spec])
        let first = try Self.run(["generate", "--output", "Generated"], in: folder)
        #expect(first.status == 0)
        #expect(first.standardOutput == "Generated \(Self.fileCount) files in Generated: \(Self.fileCount) written, 0 unchanged.\n")
        let types = folder.appendingPathComponent("Generated/CQRSTypes.swift")
        let written = try Self.modificationDate(types)
        Thread.sleep(forTimeInterval: 0.05)
        let second = try Self.run(["generate", "--output", "Generated"], in: folder)
        #expect(second.standardOutput == "Generated \(Self.fileCount) files in Generated: 0 written, \(Self.fileCount) unchanged.\n")
        #expect(try Self.modificationDate(types) == written, "an unchanged file is not touched")
        #expect(try Self.run(["generate", "--output", "Generated", "--quiet"], in: folder).standardOutput == "")
    }

    @Test("check passes when Generated/ matches, and names each stale, missing or extra file with the fix")
    func check() throws {
        let folder = try CLITests.folder(with: ["spec/operations.yaml": Self.spec])
        _ = try Self.run(["generate", "--output", "Generated"], in: folder)
        #expect(try Self.run(["check"], in: folder).status == 0)

        let operations = folder.appendingPathComponent("Generated/CQRSOperations.swift")
        let original = try String(contentsOf: operations, encoding: .utf8)
        try original.replacingOccurrences(of: "let email: String", with: "let email: Int").write(to: operations, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Generated/CQRSTypes.swift"))
        try "// notes\n".write(to: folder.appendingPathComponent("Generated/Notes.swift"), atomically: true, encoding: .utf8)

        let run = try Self.run(["check"], in: folder)
        #expect(run.status == 1)
        let lines = run.standardError.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("Generated/CQRSTypes.swift:1:1: error: missing: the spec generates this file"))
        let stale = try #require(lines.firstIndex { $0.hasPrefix("Generated/CQRSOperations.swift:") })
        #expect(lines[stale].hasSuffix(": error: stale: the spec now generates something else"))
        #expect(lines[stale + 2...stale + 3].map { $0.trimmingCharacters(in: .whitespaces) } == ["-     let email: Int", "+     let email: String"])
        #expect(lines.contains("Generated/Notes.swift:1:1: error: extra: the spec does not generate this file"))
        #expect(run.standardError.contains("swift package --allow-writing-to-package-directory generate-cqrs"))

        let regenerated = try Self.run(["generate", "--output", "Generated"], in: folder)
        #expect(regenerated.standardOutput == "Generated \(Self.fileCount) files in Generated: 2 written, \(Self.fileCount - 2) unchanged.\n")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Generated/Notes.swift").path), "a person's file stays")
    }

    @Test("a file the generator made but no longer produces is removed, and so is a killed run's temporary file")
    func removesItsOwnLeftovers() throws {
        // A process that has ended: its temporary file was abandoned. Process 1 is running: its file may be in use.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let abandoned = "Generated/.CQRSTypes.swift.cqrs-gen-\(ended.processIdentifier)-2.tmp"
        let inUse = "Generated/.CQRSTypes.swift.cqrs-gen-1-2.tmp"
        let folder = try CLITests.folder(with: [
            "spec/operations.yaml": Self.spec,
            "Generated/CQRSOld.swift": "// Generated by cqrs-gen from spec/operations.yaml: an older file.\n",
            abandoned: "half a file",
            inUse: "half a file",
        ])
        let run = try Self.run(["generate", "--output", "Generated"], in: folder)
        #expect(run.standardOutput == "Generated \(Self.fileCount) files in Generated: \(Self.fileCount) written, 0 unchanged, 1 removed (CQRSOld.swift).\n")
        #expect(try Self.run(["check"], in: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(abandoned).path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(inUse).path))
    }

    @Test("--no-catalogue writes the Swift files only and removes the documents written before; check agrees")
    func withoutCatalogue() throws {
        let folder = try CLITests.folder(with: ["spec/operations.yaml": Self.spec])
        _ = try Self.run(["generate", "--output", "Generated"], in: folder)
        let catalogue = folder.appendingPathComponent("Generated/OPERATIONS.md")
        #expect(try String(contentsOf: catalogue, encoding: .utf8).contains("### RegisterUser (command)"))
        let run = try Self.run(["generate", "--output", "Generated", "--no-catalogue"], in: folder)
        #expect(run.standardOutput == "Generated \(Self.fileCount - 2) files in Generated: 0 written, \(Self.fileCount - 2) unchanged, 2 removed (OPERATIONS.md, openapi.json).\n")
        #expect(!FileManager.default.fileExists(atPath: catalogue.path))
        #expect(try Self.run(["check", "--no-catalogue"], in: folder).status == 0)
        let missing = try Self.run(["check"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("Generated/OPERATIONS.md:1:1: error: missing: the spec generates this file"))
    }

    @Test("nothing is written for a spec with errors")
    func noOutputForBadSpecs() throws {
        let folder = try CLITests.folder(with: ["spec/operations.yaml": Self.spec.replacingOccurrences(of: "category: auth", with: "category: nope")])
        let run = try Self.run(["generate", "--output", "Generated"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("spec/operations.yaml:9:15: error: unknown category 'nope' for command 'RegisterUser'"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Generated").path))
        #expect(try Self.run(["check"], in: folder).status == 1)
    }

    @Test("an output path that cannot be a folder is an I/O error in one line")
    func unwritableOutput() throws {
        let folder = try CLITests.folder(with: ["spec/operations.yaml": Self.spec, "Generated": "a file, not a folder"])
        let run = try Self.run(["generate", "--output", "Generated"], in: folder)
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("error: cannot write 'Generated': "))
        #expect(run.standardError.split(separator: "\n").count == 1)
    }

    @Test("two processes generate the same bytes (Swift's hashing is seeded per process)")
    func deterministicAcrossProcesses() throws {
        let spec = try String(contentsOf: CLITests.packageRoot.appendingPathComponent("spec/operations.yaml"), encoding: .utf8)
        let configuration = try String(
            contentsOf: CLITests.packageRoot.appendingPathComponent("Sources/App/cqrs-gen-config.yaml"), encoding: .utf8)
        let folder = try CLITests.folder(with: ["spec/operations.yaml": spec, "Sources/App/cqrs-gen-config.yaml": configuration])
        _ = try Self.run(["generate", "--config", "Sources/App/cqrs-gen-config.yaml", "--output", "A", "--quiet"], in: folder)
        _ = try Self.run(["generate", "--config", "Sources/App/cqrs-gen-config.yaml", "--output", "B", "--quiet"], in: folder)
        for name in ["CQRSTypes.swift", "CQRSOperations.swift", "CQRSDependencies.swift", "CQRSHandlers.swift", "CQRSRegistry.swift"] {
            let a = try Data(contentsOf: folder.appendingPathComponent("A/\(name)"))
            let b = try Data(contentsOf: folder.appendingPathComponent("B/\(name)"))
            let committed = try Data(contentsOf: CLITests.packageRoot.appendingPathComponent("Generated/\(name)"))
            #expect(a == b, "\(name)")
            #expect(a == committed, "\(name) differs from Generated/")
        }
    }
}
