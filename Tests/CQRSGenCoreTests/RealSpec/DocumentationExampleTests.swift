import Foundation
import Testing

@testable import CQRSGenCore

/// The spec language reference opens with a complete example; it must stay a valid spec as the language evolves.
@Suite("The documentation's example")
struct DocumentationExampleTests {
    @Test("the spec language article's complete example lints clean")
    func exampleIsValid() throws {
        let document = try String(contentsOf: PackageRoot.url.appendingPathComponent("Sources/CQRSGenCore/Documentation.docc/SpecLanguage.md"), encoding: .utf8)
        let start = try #require(document.range(of: "```yaml\n"))
        let end = try #require(document.range(of: "\n```", range: start.upperBound..<document.endIndex))
        let example = String(document[start.upperBound..<end.lowerBound])
        expectClean(example)
        let spec = try #require(SpecLoader().load(example).validSpec)
        #expect(spec.commands.count == 1)
        #expect(spec.queries.count == 1)
        #expect(spec.types.map(\.name) == ["AuthTokens", "AccountSummary", "AccountType"])
    }
}
