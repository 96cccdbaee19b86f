import Testing

@testable import CQRSGenCore

@Suite("The spec lines generated code quotes")
struct SourceLinesTests {
    @Test("only the wanted lines are kept, without indentation, CRLF or all")
    func wantedLines() {
        let lines = SourceLines(Array("a: 1\r\n    handler: {dependencies: [A, B]}\r\nlast".utf8), wanted: [2, 3, 9])
        #expect(lines[1] == nil)
        #expect(lines[2] == "handler: {dependencies: [A, B]}")
        #expect(lines[3] == "last")
        #expect(lines[9] == nil)
    }

    @Test("a quoted line is one printable line: controls escaped, long lines cut")
    func printable() {
        #expect(SourceLines.printable("  name: \u{1B}[2J\tx\u{2028}y") == #"name: \u{1B}[2J\tx\u{2028}y"#)
        #expect(SourceLines.printable("é ü 名") == "é ü 名")
        let long = SourceLines.printable(String(repeating: "x", count: 300))
        #expect(long == String(repeating: "x", count: 100) + "…")
    }

    @Test("a line of printable ASCII, made straight from its bytes, reads as the general path makes it", arguments: [
        "    name: value   ", "\t  dependencies: [A, B]", "", "   ", String(repeating: "y", count: 100),
        String(repeating: "y", count: 101), "  " + String(repeating: "z ", count: 60), "key: é", "key: value\r",
    ])
    func asciiLines(line: String) {
        let bytes = Array(line.utf8)
        let fast = bytes.withUnsafeBufferPointer { SourceLines.printable($0) }
        #expect(fast == SourceLines.printable(line), "\(line.debugDescription)")
    }
}

