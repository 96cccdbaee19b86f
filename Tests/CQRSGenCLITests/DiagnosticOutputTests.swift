import Foundation
import Testing

/// Problems for people and for tools: colour only where a person reads it, JSON for CI annotations.
@Suite("Diagnostic output: colour and JSON")
struct DiagnosticOutputTests {
    static let broken = """
        version: 1
        categories: {auth: Authentication.}
        commands:
          RegisterUser: {category: authx, description: "Say \\"hi\\"."}
        """

    @Test("--format json prints one array on standard error: every diagnostic with its position and notes")
    func json() throws {
        let folder = try CLITests.folder(with: ["spec/operations.yaml": Self.broken])
        let run = try CLITests.run(["lint", "--format", "json"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardOutput == "")
        #expect(run.standardError == """
            [
              {"file": "spec/operations.yaml", "line": 4, "column": 28, "severity": "error", "message": "unknown category 'authx' for command 'RegisterUser'; did you mean 'auth'?", "notes": []}
            ]

            """)
        let decoded = try JSONSerialization.jsonObject(with: Data(run.standardError.utf8)) as? [[String: Any]]
        #expect(decoded?.first?["severity"] as? String == "error")
    }

    @Test("a clean spec is [] in JSON; an unreadable one is one error without a position, exit 2")
    func jsonEdges() throws {
        let clean = try CLITests.run(["lint", "--format", "json"])
        #expect(clean.status == 0)
        #expect(clean.standardError == "[]\n")
        let folder = try CLITests.folder(with: [:])
        let missing = try CLITests.run(["lint", "missing.yaml", "--format", "json"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.standardError == """
            [
              {"file": "missing.yaml", "severity": "error", "message": "cannot read spec 'missing.yaml': no such file", "notes": []}
            ]

            """)
    }

    @Test("check --format json names each stale or missing file as one error, and nothing else")
    func checkJSON() throws {
        let folder = try CLITests.folder(with: ["spec/operations.yaml": GenerateAndCheckTests.spec])
        _ = try CLITests.run(["generate", "--output", "Generated"], in: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Generated/OPERATIONS.md"))
        let run = try CLITests.run(["check", "--format", "json"], in: folder)
        #expect(run.status == 1)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(run.standardError.utf8)) as? [[String: Any]])
        #expect(decoded.count == 1)
        #expect(decoded.first?["file"] as? String == "Generated/OPERATIONS.md")
        #expect((decoded.first?["message"] as? String)?.hasPrefix("missing: the spec generates this file; Generated/ does not match") == true)
    }

    @Test("colour: clang's, when asked or on a terminal; never in a pipe or under NO_COLOR")
    func colour() throws {
        let folder = try CLITests.folder(with: ["spec/operations.yaml": Self.broken])
        let coloured = try CLITests.run(["lint", "--color", "always"], in: folder)
        #expect(coloured.standardError.hasPrefix(
            "\u{1B}[1mspec/operations.yaml:4:28: \u{1B}[1;31merror:\u{1B}[0m\u{1B}[1m unknown category 'authx'"))
        let unused = try CLITests.folder(with: ["spec/operations.yaml": "version: 1\ncategories: {auth: Authentication.}\n"])
        #expect(try CLITests.run(["lint", "--color", "always"], in: unused).standardError.contains("\u{1B}[1;35mwarning:\u{1B}[0m"))
        // The tests read standard error through a pipe: auto means plain.
        let piped = try CLITests.run(["lint"], in: folder)
        #expect(!piped.standardError.contains("\u{1B}["))
        #expect(piped.standardError.hasPrefix("spec/operations.yaml:4:28: error: unknown category 'authx'"))
        #expect(try CLITests.run(["lint", "--color", "never"], in: folder).standardError == piped.standardError)
    }

    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    @Test("auto colours on a terminal, unless NO_COLOR is set", .enabled(if: hasScript))
    func terminal() throws {
        let folder = try CLITests.folder(with: ["spec/operations.yaml": Self.broken])
        // `script` runs the command on a pseudo-terminal, as a person's shell would.
        func onTerminal(_ environment: String) throws -> String {
            try CLITests.run(["-qec", "\(environment) \(CLITests.executable.path) lint", "/dev/null"], in: folder, program: "/usr/bin/script")
                .standardOutput
        }
        #expect(try onTerminal("env -u NO_COLOR").contains("\u{1B}[1;31merror:"))
        #expect(!(try onTerminal("NO_COLOR=1")).contains("\u{1B}["))
    }

    @Test("shell completions are generated for bash, zsh and fish", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let run = try CLITests.run(["--generate-completion-script", shell])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("cqrs-gen"))
        #expect(run.standardOutput.contains("generate"))
        #expect(run.standardOutput.contains("format"))
    }

    @Test("past --max-diagnostics the rest are counted, in text and in JSON")
    func capped() throws {
        // Five misspelt categories, five errors.
        let spec = "version: 1\ncategories: {auth: A.}\ncommands:\n"
            + (1...5).map { "  CreateX\($0): {category: auht, description: X.}\n" }.joined()
        let folder = try CLITests.folder(with: ["spec.yaml": spec])
        let text = try CLITests.run(["lint", "spec.yaml", "--max-diagnostics", "2"], in: folder)
        #expect(text.status == 1)
        let lines = text.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "spec.yaml:4:24: error: unknown category 'auht' for command 'CreateX1'; did you mean 'auth'?")
        #expect(lines[1] == "spec.yaml:5:24: error: unknown category 'auht' for command 'CreateX2'; did you mean 'auth'?")
        #expect(lines[2] == "3 more errors not shown (--max-diagnostics 0 shows them all).")
        #expect(lines[3] == "5 errors generated.")
        let all = try CLITests.run(["lint", "spec.yaml", "--max-diagnostics", "0"], in: folder)
        #expect(all.standardError.split(separator: "\n").count == 6)
        let json = try CLITests.run(["lint", "spec.yaml", "--max-diagnostics", "2", "--format", "json"], in: folder)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.standardError.utf8)) as? [[String: Any]])
        #expect(decoded.count == 3)
        #expect(decoded.last?["severity"] as? String == "note")
        #expect(decoded.last?["message"] as? String == "3 more errors not shown (--max-diagnostics 0 shows them all).")
    }
}
