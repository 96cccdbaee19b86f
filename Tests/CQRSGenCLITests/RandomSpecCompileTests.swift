import Foundation
import Testing

/// Every spec the validator accepts must generate Swift that compiles, warning-free under Swift 6, and the same
/// bytes every time. Seeded random specs (see `RandomSpec`) are hard on the generator on purpose.
///
/// CI checks a fixed set of seeds. For thousands, name a range:
///
///     CQRS_GEN_RANDOM_SPECS=1...2000 swift test --filter RandomSpecCompileTests
@Suite("Random valid specs compile", .serialized)
struct RandomSpecCompileTests {
    static var seeds: [UInt64] {
        guard let range = ProcessInfo.processInfo.environment["CQRS_GEN_RANDOM_SPECS"] else { return Array(1...8) }
        let bounds = range.split(separator: ".", omittingEmptySubsequences: true).compactMap { UInt64($0) }
        guard bounds.count == 2, bounds[0] <= bounds[1] else { return Array(1...8) }
        return Array(bounds[0]...bounds[1])
    }

    @Test("a random spec is valid, generates the same bytes twice, and its Swift type-checks", arguments: seeds)
    func compiles(seed: UInt64) throws {
        let random = RandomSpec(seed: seed)
        let lint = try CLITests.run(["lint", "spec.yaml"], in: try CLITests.folder(with: ["spec.yaml": random.spec]))
        if let reserved = random.reservedName {
            // A name the generated code depends on cannot compile: refused where it is written, and nowhere else.
            #expect(lint.status == 1, "seed \(seed): '\(reserved.name)' must be refused\n\(random.spec)")
            let errors = lint.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
            #expect(errors.count == 1, "seed \(seed): \(lint.standardError)")
            #expect(errors.first?.hasPrefix("spec.yaml:\(reserved.line):3: error: '\(reserved.name)'") == true, "seed \(seed): \(lint.standardError)")
            return
        }
        try #require(lint.status == 0, "seed \(seed): the random spec must be valid\n\(lint.standardError)\n\(random.spec)")

        let folder = try CLITests.folder(with: ["spec.yaml": random.spec])
        for output in ["First", "Second"] {
            let run = try CLITests.run(["generate", "spec.yaml", "--output", output, "--quiet"], in: folder)
            try #require(run.status == 0, "\(run.standardError)")
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("First").path) {
            let first = try Data(contentsOf: folder.appendingPathComponent("First/\(name)"))
            let second = try Data(contentsOf: folder.appendingPathComponent("Second/\(name)"))
            #expect(first == second, "seed \(seed): \(name) differs between two runs")
        }

        let typecheck = try GeneratedCodeCompilesTests.typecheck(spec: random.spec, application: random.application)
        #expect(typecheck.status == 0, "seed \(seed):\n\(typecheck.standardError)\n--- spec ---\n\(random.spec)\n--- application ---\n\(random.application)")
    }
}
