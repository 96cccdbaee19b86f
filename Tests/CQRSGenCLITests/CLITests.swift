import Foundation
import Testing

/// Runs the built `cqrs-gen` as a user, an editor or CI does, and checks what they rely on: exit status, which
/// stream carries what, and the exact text.
@Suite("cqrs-gen on the command line", .serialized)
struct CLITests {
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary sits beside the test bundle in SwiftPM's build folder.
    static let executable: URL = {
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent() }
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for folder in candidates {
            let binary = folder.appendingPathComponent("cqrs-gen")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return packageRoot.appendingPathComponent(".build/debug/cqrs-gen")
    }()

    /// Runs the binary; `unprivileged` runs it as `nobody` when the tests run as root (as CI does), so that file
    /// permissions apply to it.
    static func run(_ arguments: [String], in directory: URL = packageRoot, unprivileged: Bool = false, program: String? = nil) throws -> Run {
        let process = Process()
        if let program {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else if unprivileged, getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting, so that a full pipe cannot block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A scratch folder holding the given files.
    static func folder(with files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cqrs-gen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, contents) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return folder
    }

    static let brokenSpec = """
        version: 1
        categories:
          auth: Authentication.
        commands:
          RegisterUser:
            category: auht
            description: Register.
            fields:
              email: Strng
        """

    static let specWithWarning = """
        version: 1
        categories:
          auth: Authentication.
          billing: Billing.
        commands:
          RegisterUser: {category: auth, description: Register.}
        """

    @Test("lint passes silently on the real spec at the default path")
    func lintRealSpec() throws {
        let run = try Self.run(["lint"])
        #expect(run.status == 0)
        #expect(run.standardOutput == "")
        #expect(run.standardError == "")
    }

    @Test("lint reports every error in compiler format on standard error, and exits 1")
    func lintErrors() throws {
        let folder = try Self.folder(with: ["spec/operations.yaml": Self.brokenSpec])
        let run = try Self.run(["lint"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardOutput == "")
        #expect(run.standardError == """
            spec/operations.yaml:6:15: error: unknown category 'auht' for command 'RegisterUser'; did you mean 'auth'?
            spec/operations.yaml:9:14: error: unknown type 'Strng' in field 'email' of command 'RegisterUser'; did you mean 'String'?
            2 errors generated.

            """)
    }

    @Test("warnings pass, unless they are errors")
    func warnings() throws {
        let folder = try Self.folder(with: ["ops.yaml": Self.specWithWarning])
        let lenient = try Self.run(["lint", "ops.yaml"], in: folder)
        #expect(lenient.status == 0)
        #expect(lenient.standardError == """
            ops.yaml:4:3: warning: category 'billing' is declared but no operation uses it
            1 warning generated.

            """)
        let strict = try Self.run(["lint", "ops.yaml", "--warnings-as-errors"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.standardError == """
            ops.yaml:4:3: error: category 'billing' is declared but no operation uses it
            1 error generated.

            """)
    }

    @Test("a spec that cannot be read is an I/O error: one line, exit 2", arguments: [
        ("missing.yaml", "error: cannot read spec 'missing.yaml': no such file\n"),
        ("spec", "error: cannot read spec 'spec': it is a directory\n"),
    ])
    func unreadableSpecs(path: String, message: String) throws {
        let folder = try Self.folder(with: ["spec/operations.yaml": "version: 1\n"])
        let run = try Self.run(["lint", path], in: folder)
        #expect(run.status == 2)
        #expect(run.standardError == message)
    }

    /// Whether permission checks apply to the binary: they do unless the tests run as root, and then they do for
    /// `nobody`, if `nobody` can reach the binary and a scratch folder (a clone under `/root` it cannot).
    static let permissionsApply: Bool = {
        guard getuid() == 0 else { return true }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
              let folder = try? folder(with: ["spec.yaml": "version: 1\n"]),
              let probe = try? run(["lint", "spec.yaml"], in: folder, unprivileged: true)
        else { return false }
        return probe.status == 0
    }()

    @Test("files the user may not read or write are one clear error each, exit 2", .enabled(if: permissionsApply))
    func permissions() throws {
        let folder = try Self.folder(with: ["spec.yaml": "version: 1\n", "secret.yaml": "version: 1\n"])
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path("secret.yaml"))
        try FileManager.default.createDirectory(atPath: path("ReadOnly/Generated"), withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: path("ReadOnly/Generated"))
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: path("ReadOnly"))
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path("ReadOnly")) }
        let cases: [([String], String)] = [
            (["lint", "secret.yaml"], "error: cannot read spec 'secret.yaml': permission denied or not a readable file\n"),
            (["generate", "spec.yaml", "--output", "ReadOnly/New"],
             "error: cannot write 'ReadOnly/New': cannot create the folder: Permission denied\n"),
            (["generate", "spec.yaml", "--output", "ReadOnly/Generated"],
             "error: cannot write 'ReadOnly/Generated/CQRSTypes.swift': Permission denied\n"),
        ]
        for (arguments, message) in cases {
            let run = try Self.run(arguments, in: folder, unprivileged: true)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.standardError == message)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: path("ReadOnly/Generated")).isEmpty)
    }

    @Test("the reader's limits are options; a spec beyond one gets one clear error", arguments: [
        (["--max-spec-bytes", "16"], 2, "error: cannot read spec 'spec.yaml': it is 47 bytes, over the reader's limit of 16 bytes\n"),
        (["--max-nodes", "3"], 1, "spec.yaml:2:1: error: the spec has more than 3 nodes, the reader's limit\n1 error generated.\n"),
        (["--max-nesting", "1"], 1, "spec.yaml:2:13: error: mappings and lists are nested more than 1 levels deep, the reader's limit\n1 error generated.\n"),
        (["--max-nodes", "0"], 2, "Error: --max-nodes must be at least 1, not 0\n"),
    ])
    func limits(options: [String], status: Int32, message: String) throws {
        let folder = try Self.folder(with: ["spec.yaml": "version: 1\ncategories: {auth: Authentication.}\n"])
        let run = try Self.run(["lint", "spec.yaml"] + options, in: folder)
        #expect(run.status == status)
        #expect(run.standardError.hasPrefix(message), "\(run.standardError)")
    }

    @Test("a usage error exits 2 with ArgumentParser's explanation")
    func usageError() throws {
        let run = try Self.run(["lint", "--bogus"])
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("Error: Unknown option '--bogus'"))
        #expect(try Self.run(["frobnicate"]).status == 2)
    }

    @Test("stats prints Dashtam's statistics as text or JSON on standard output")
    func stats() throws {
        let text = try Self.run(["stats"])
        #expect(text.status == 0)
        #expect(text.standardError == "")
        #expect(text.standardOutput.hasPrefix("total_commands: 27\ntotal_queries: 18\ntotal_operations: 45\n"))

        let json = try Self.run(["stats", "spec/operations.yaml", "--json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["total_operations"] as? Int == 45)
        #expect(object["commands_emitting_events"] as? Int == 20)
        #expect((object["queries_by_category"] as? [String: Int]) == ["session": 2, "provider": 2, "data_sync": 14])
        #expect(Set(object.keys) == [
            "total_commands", "total_queries", "total_operations", "commands_by_category", "queries_by_category",
            "commands_with_result_dto", "commands_emitting_events", "commands_requiring_transaction", "paginated_queries",
            "queries_by_cache_policy", "total_routes", "routes_by_method", "public_routes", "rate_limited_routes",
            "deprecated_routes", "total_events", "total_workflows", "events_by_category", "events_by_phase", "logged_events",
            "audited_events", "email_events", "session_events",
        ])
        #expect(object["total_events"] as? Int == 61)
    }

    @Test("stats refuses a spec with errors: the errors on standard error, nothing on standard output, exit 1")
    func statsOnBrokenSpec() throws {
        let folder = try Self.folder(with: ["spec/operations.yaml": Self.brokenSpec])
        let run = try Self.run(["stats", "--json"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardOutput == "")
        #expect(run.standardError.contains("spec/operations.yaml:6:15: error: unknown category 'auht'"))
    }

    @Test("hostile files end in a diagnostic and exit 1, never a crash")
    func hostileFiles() throws {
        let folder = try Self.folder(with: [
            "deep.yaml": "version: 1\nx: " + String(repeating: "[", count: 100_000),
            "binary.yaml": String(decoding: (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 131) }, as: UTF8.self),
        ])
        try Data([0x76, 0x3A, 0xFF, 0xFE, 0x00]).write(to: folder.appendingPathComponent("bytes.yaml"))
        for file in ["deep.yaml", "binary.yaml", "bytes.yaml"] {
            let run = try Self.run(["lint", file], in: folder)
            #expect(run.status == 1, "\(file)")
            #expect(run.standardError.hasPrefix("\(file):"), "\(file): \(run.standardError.prefix(200))")
        }
    }

    @Test("--version and --help answer and exit 0")
    func versionAndHelp() throws {
        let version = try Self.run(["--version"])
        #expect(version.status == 0)
        #expect(version.standardOutput == "0.1.0\n")
        let help = try Self.run(["lint", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("--warnings-as-errors"))
        #expect(help.standardOutput.contains("Examples:"))
    }
}
