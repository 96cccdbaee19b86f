import Foundation
import Testing

/// A generator killed at any point, or two running at once, never leave a generated file half-written: each file is
/// either the old one or the new one, whole.
@Suite("Crash-safe output", .serialized)
struct CrashSafetyTests {
    /// A spec large enough that generating takes a while in a debug build, so that a kill lands mid-run.
    static func spec(operations: Int, version: String) -> String {
        var text = "version: 1\ncategories:\n  auth: Authentication.\ncommands:\n"
        for index in 0..<operations {
            text += """
                  RegisterUser\(index):
                    category: auth
                    description: Registers user \(index), \(version).
                    fields: {email: String, age: {type: Int, default: \(index)}}
                    emitsEvents: false

                """
        }
        return text
    }

    static func contents(of folder: URL) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) })
    }

    static func generate(_ spec: String, into output: String, in folder: URL) throws {
        try spec.write(to: folder.appendingPathComponent("spec.yaml"), atomically: true, encoding: .utf8)
        let run = try CLITests.run(["generate", "spec.yaml", "--output", output, "--quiet"], in: folder)
        try #require(run.status == 0, "\(run.standardError)")
    }

    static func startGenerating(into output: String, in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["generate", "spec.yaml", "--output", output, "--quiet"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("a generator killed at any moment leaves every file either old or new, never partial or empty")
    func killedMidRun() throws {
        let folder = try CLITests.folder(with: [:])
        let (old, new) = (Self.spec(operations: 1500, version: "the old one"), Self.spec(operations: 1500, version: "the new one"))
        try Self.generate(new, into: "New", in: folder)
        try Self.generate(old, into: "Old", in: folder)
        let (oldFiles, newFiles) = (try Self.contents(of: folder.appendingPathComponent("Old")), try Self.contents(of: folder.appendingPathComponent("New")))

        var killedBeforeTheEnd = 0
        for delay in [0.0, 0.005, 0.01, 0.02, 0.04, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5] {
            try Self.generate(old, into: "Generated", in: folder)
            try new.write(to: folder.appendingPathComponent("spec.yaml"), atomically: true, encoding: .utf8)
            let process = try Self.startGenerating(into: "Generated", in: folder)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let files = try Self.contents(of: folder.appendingPathComponent("Generated")).filter { !$0.key.hasPrefix(".") }
            #expect(Set(files.keys) == Set(newFiles.keys), "killed after \(delay) s: every file is there")
            for (name, bytes) in files {
                #expect(bytes == oldFiles[name] || bytes == newFiles[name], "killed after \(delay) s: \(name) is neither the old file nor the new one")
            }
            if files.contains(where: { $0.value != newFiles[$0.key] }) { killedBeforeTheEnd += 1 }
        }
        // The next run finishes the job and clears what the killed runs left.
        try Self.generate(new, into: "Generated", in: folder)
        #expect(try Self.contents(of: folder.appendingPathComponent("Generated")) == newFiles, "no temporary file is left")
        #expect(killedBeforeTheEnd > 0, "some kill landed before the run was done")
    }

    @Test("generators writing the same folder at once leave it whole and up to date")
    func concurrentGenerators() throws {
        let folder = try CLITests.folder(with: [:])
        let (old, new) = (Self.spec(operations: 600, version: "the old one"), Self.spec(operations: 600, version: "the new one"))
        try Self.generate(new, into: "New", in: folder)
        let newFiles = try Self.contents(of: folder.appendingPathComponent("New"))
        for _ in 0..<4 {
            try Self.generate(old, into: "Generated", in: folder)
            try new.write(to: folder.appendingPathComponent("spec.yaml"), atomically: true, encoding: .utf8)
            let processes = try (0..<3).map { _ in try Self.startGenerating(into: "Generated", in: folder) }
            for process in processes {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
            }
            #expect(try Self.contents(of: folder.appendingPathComponent("Generated")) == newFiles)
        }
    }
}
