import Testing

@testable import CQRSGenCore

/// Whatever the spec holds, a diagnostic is one line of printable text, a long value costs time in proportion to
/// its length, and a file of a million mistakes costs a bounded number of diagnostics.
@Suite("Diagnostics stay printable and bounded")
struct DiagnosticBoundsTests {
    @Test("controls, line separators and bidirectional marks are escaped as Swift writes them")
    func printable() {
        #expect(DiagnosticText.printable("plain 'text'") == "plain 'text'")
        #expect(DiagnosticText.printable("\u{1B}[2J\u{7}a\rb\nc\td") == #"\u{1B}[2J\u{07}a\rb\nc\td"#)
        #expect(DiagnosticText.printable("x\u{2028}y\u{2029}z\u{85}w") == #"x\u{2028}y\u{2029}z\u{0085}w"#)
        #expect(DiagnosticText.printable("a\u{202E}b\u{2066}c") == #"a\u{202E}b\u{2066}c"#)
        #expect(DiagnosticText.printable("Ünïcödé ✓ 日本") == "Ünïcödé ✓ 日本")
    }

    @Test("a message quoting a huge value keeps its start and its end")
    func longMessages() {
        let message = "unknown type '" + String(repeating: "Q", count: 50_000) + "'; did you mean 'UUID'?"
        let printed = DiagnosticText.printable(message)
        #expect(printed.unicodeScalars.count == DiagnosticText.maximumLength)
        #expect(printed.hasPrefix("unknown type 'QQQ"))
        #expect(printed.hasSuffix("'; did you mean 'UUID'?"))
        #expect(printed.contains("…"))
    }

    @Test("a key with an escape sequence and a line break is reported on one line")
    func oneLine() {
        let spec = "version: 1\ncategories:\n  a: A.\n  \"\\e[2J\\e[31mX\\u2028\": B.\n  \"\\e[2J\\e[31mX\\u2028\": C.\n"
        let outcome = SpecLoader().load(spec)
        let text = DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics)
        #expect(!outcome.diagnostics.isEmpty)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.hasPrefix("spec.yaml:"), "\(line)")
            #expect(line.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && $0 != "\u{2028}" }, "\(line)")
        }
        #expect(text.contains(#"\u{1B}[2J\u{1B}[31mX\u{2028}"#))
    }

    @Test("a long word gets no suggestion, without comparing it letter by letter")
    func longWords() {
        let word = String(repeating: "authh", count: 200_000)
        #expect(Suggestion.closest(to: word, among: ["auth", "session"]) == nil)
        #expect(Suggestion.closest(to: "auht", among: ["auth", "session"]) == "auth")
    }

    @Test("reading stops after a thousand problems, with one error that says so")
    func readerStops() {
        let spec = "version: 1\na: &x 1\nb: [" + Array(repeating: "*x", count: 5_000).joined(separator: ", ") + "]\n"
        let read = YAMLReader(limits: ReaderLimits(maximumBytes: 1 << 20, maximumDepth: 64, maximumNodes: 100_000)).read(spec)
        #expect(read.diagnostics.count == 1_001)
        #expect(read.diagnostics.last?.message == "stopped reading after 1000 problems; fix these first")
    }
}
