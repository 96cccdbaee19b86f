import Foundation
import Testing

/// The generator runs in every build of every developer, so it starts small: it links the runtime library and its own
/// sources, and neither may load Foundation, whose full library brings ICU and 7 MB of resident pages to every run
/// (`docs/performance.md`). Where Foundation's essentials exist, they are what these modules import.
@Suite("The generator does not load Foundation")
struct FoundationFreeToolTests {
    /// The folders of the modules the `cqrs-gen` executable is linked from.
    static let toolModules = ["Sources/CQRS", "Sources/CQRSGenCore", "Sources/cqrs-gen"]

    @Test("every import of Foundation in the tool's modules is the fallback where FoundationEssentials is missing")
    func onlyEssentials() throws {
        var offenders: [String] = []
        for module in Self.toolModules {
            let folder = PackageRoot.url.appendingPathComponent(module)
            let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
            for file in files.sorted() {
                let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                    .split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                for (index, line) in lines.enumerated() where line.hasSuffix("import Foundation") && !line.hasPrefix("//") {
                    // Allowed only as `#if canImport(FoundationEssentials) import FoundationEssentials #else import Foundation`.
                    let guarded = index >= 3 && lines[index - 1] == "#else" && lines[index - 2] == "import FoundationEssentials"
                        && lines[index - 3] == "#if canImport(FoundationEssentials)"
                    if !guarded { offenders.append("\(module)/\(file):\(index + 1)") }
                }
            }
        }
        #expect(offenders.isEmpty, "import FoundationEssentials where it exists: \(offenders)")
    }
}
