import Testing

@testable import CQRSGenCore

/// Text that libyaml accepts and YAML 1.2 forbids is refused at its character; what YAML 1.2 allows and the reader
/// used to refuse is read.
@Suite("YAML 1.2 where libyaml is lenient")
struct YAML12Tests {
    @Test("a comment needs a space before '#': after a closing quote, a closing bracket, a block scalar's header")
    func commentsNeedSpace() {
        expectDiagnostics("""
            version: 1
            a: "quoted"1️⃣# note
            b: 'single'2️⃣#note
            c: [x, y]3️⃣# note
            d: >4️⃣#
              folded
            e: |-25️⃣#
              literal
            f: plain# is text, not a comment
            g: "quoted" # a comment
            h: >- # a comment
              folded
            """, rules: [], [
                .error("1️⃣", "a comment needs a space before '#'"),
                .error("2️⃣", "a comment needs a space before '#'"),
                .error("3️⃣", "a comment needs a space before '#'"),
                .error("4️⃣", "a comment needs a space before '#'"),
                .error("5️⃣", "a comment needs a space before '#'"),
            ])
    }

    @Test("a line that continues a flow collection or a quoted scalar is indented more than its key")
    func continuationIndent() {
        expectDiagnostics("""
            version: 1
            a: [x,
            1️⃣y]
            b: {k: v,
              l: w}
            nested:
              c: [x,
              2️⃣y]
              d: "one
              3️⃣two"
              e: "one
               three"
            """, rules: [], [
                .error("1️⃣", "this line continues a flow collection begun on line 2, and must be indented by at least 1 space"),
                .error("2️⃣", "this line continues a flow collection begun on line 7, and must be indented by at least 3 spaces"),
                .error("3️⃣", "this line continues a quoted scalar begun on line 9, and must be indented by at least 3 spaces"),
            ])
    }

    @Test("a tab in place of a continuation's indentation is refused; a tab after it, or inside a flow, separates")
    func tabsInContinuations() throws {
        expectDiagnostics("version: 1\na: \"one\n1️⃣\ttwo\"\nb: [x,\n2️⃣\ty]\n", rules: [], [
            .error("1️⃣", "tabs are not allowed in indentation; indent with spaces"),
            .error("2️⃣", "tabs are not allowed in indentation; indent with spaces"),
        ])
        let result = YAMLReader().read("version: 1\na: [x,\ty]\nb: [x,\n \ty]\nc: \"one\n \ttwo\"\n")
        #expect(result.diagnostics.isEmpty)
        let entries = try #require(result.root?.mapping)
        #expect(entries[1].value.sequence?.compactMap(\.scalar?.value) == ["x", "y"])
        #expect(entries[2].value.sequence?.compactMap(\.scalar?.value) == ["x", "y"])
        #expect(entries[3].value.scalar?.value == "one two")
    }

    @Test("a document that is itself a flow collection may continue at any indentation")
    func rootFlow() {
        #expect(YAMLReader().read("{version: 1,\ncategories: {}}\n").diagnostics.isEmpty)
    }
}
