/// Builds Swift source text line by line with four-space indentation, the way a careful person formats it.
/// Generated text only ever passes through here, so layout is decided in one place.
struct SwiftWriter {
    /// The text so far, one buffer for the whole file: generated files run to megabytes.
    private(set) var output = ""
    private var depth = 0
    /// What the last line was, for the blank-line rules.
    private var lastLine = LastLine.none

    private enum LastLine { case none, blank, opensBlock, other }

    private static let indentation = (0..<16).map { String(repeating: "    ", count: $0) }

    init() {
        output.reserveCapacity(1 << 16)
    }

    /// A line at the current indentation; an empty line stays empty.
    mutating func line(_ text: String) {
        if !text.isEmpty {
            output += depth < Self.indentation.count ? Self.indentation[depth] : String(repeating: "    ", count: depth)
        }
        append(text)
    }

    /// A line that must start in the first column, whatever the indentation (`#sourceLocation`).
    mutating func unindentedLine(_ text: String) {
        append(text)
    }

    private mutating func append(_ text: String) {
        output += text
        output += "\n"
        lastLine = text.isEmpty ? .blank : (text.utf8.last == UInt8(ascii: "{") ? .opensBlock : .other)
    }

    /// One empty line, never two in a row and never at the start of a block.
    mutating func blankLine() {
        guard lastLine == .other else { return }
        append("")
    }

    /// `header {`, the body indented, then `}`.
    mutating func block(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        line(header + " {")
        depth += 1
        body(&self)
        depth -= 1
        if lastLine == .blank { output.removeLast() }
        line("}")
    }

    /// `///` lines from prose: each line of the text becomes one comment line, so no text can end the comment or
    /// reach the code around it.
    mutating func documentation(_ text: String?) {
        guard let text, !text.isEmpty else { return }
        for paragraphLine in DocumentationText.lines(of: text) {
            line(paragraphLine.isEmpty ? "///" : "/// " + paragraphLine)
        }
    }

    var text: String { output }
}

enum DocumentationText {
    /// The lines of prose for a comment: line breaks of any kind split lines, other control characters become
    /// spaces, and trailing spaces go.
    static func lines(of text: String) -> [String] {
        // One line of printable ASCII, the usual description, needs no work.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), text.utf8.last != UInt8(ascii: " ") {
            return [text]
        }
        var result: [String] = []
        var current = ""
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousWasCarriageReturn:
                break
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                result.append(current)
                current = ""
            case _ where scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format:
                current.unicodeScalars.append(" ")
            default:
                current.unicodeScalars.append(scalar)
            }
            previousWasCarriageReturn = scalar == "\r"
        }
        result.append(current)
        return result.map { line in
            var line = Substring(line)
            while line.last == " " { line = line.dropLast() }
            return String(line)
        }
    }
}
