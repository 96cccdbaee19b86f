/// Builds Swift source text line by line with four-space indentation, the way a careful person formats it.
/// Generated text only ever passes through here, so layout is decided in one place.
///
/// The text is UTF-8 bytes in one buffer. With a sink, the buffer is handed over whenever it passes
/// `flushThreshold` and then reused, so a file of any size costs the generator only that much memory; without one,
/// the whole file stays in the buffer (`text`), for tests and `cqrs-gen check`.
struct SwiftWriter {
    /// Receives the text a chunk at a time, in order; the bytes are valid only during the call.
    typealias Sink = (UnsafeRawBufferPointer) -> Void

    private var buffer: [UInt8] = []
    private let sink: Sink?
    private let flushThreshold: Int
    private var depth = 0
    /// What the last line was, for the blank-line rules.
    private var lastLine = LastLine.none
    /// A blank line asked for and not yet written: it is written only when another line follows in the same block,
    /// so that a block never ends with one, without taking back bytes that may already have gone to the sink.
    private var pendingBlankLine = false

    private enum LastLine { case none, blank, opensBlock, other }

    static let flushThreshold = 1 << 16
    private static let newline = UInt8(ascii: "\n")
    private static let indentUnit: StaticString = "    "

    /// `flushThreshold` is for tests, which make chunks tiny to show that chunking never changes the text.
    init(sink: Sink? = nil, flushThreshold: Int = SwiftWriter.flushThreshold) {
        self.sink = sink
        self.flushThreshold = flushThreshold
        buffer.reserveCapacity(sink == nil ? 1 << 16 : flushThreshold + 4096)
    }

    /// A line at the current indentation; an empty line stays empty.
    mutating func line(_ text: String) {
        writePendingBlankLine()
        if !text.isEmpty {
            for _ in 0..<depth { append(Self.indentUnit) }
        }
        append(text)
    }

    /// A line that must start in the first column, whatever the indentation (`#sourceLocation`).
    mutating func unindentedLine(_ text: String) {
        writePendingBlankLine()
        append(text)
    }

    /// One empty line, never two in a row, never at the start of a block and never at its end.
    mutating func blankLine() {
        guard lastLine == .other else { return }
        pendingBlankLine = true
        lastLine = .blank
    }

    /// `header {`, the body indented, then `}`.
    mutating func block(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        line(header + " {")
        depth += 1
        body(&self)
        depth -= 1
        pendingBlankLine = false
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

    /// Hands what is left to the sink. A file ends here: a blank line still pending is written, as a last line.
    mutating func finish() {
        writePendingBlankLine()
        flush()
    }

    /// The whole text, for a writer without a sink.
    var text: String {
        var copy = self
        copy.writePendingBlankLine()
        return String(decoding: copy.buffer, as: UTF8.self)
    }

    private mutating func writePendingBlankLine() {
        if pendingBlankLine {
            buffer.append(Self.newline)
            pendingBlankLine = false
        }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        endLine(blank: text.isEmpty, opensBlock: text.utf8.last == UInt8(ascii: "{"))
    }

    private mutating func append(_ text: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func endLine(blank: Bool, opensBlock: Bool) {
        buffer.append(Self.newline)
        lastLine = blank ? .blank : (opensBlock ? .opensBlock : .other)
        if buffer.count >= flushThreshold { flush() }
    }

    private mutating func flush() {
        guard let sink, !buffer.isEmpty else { return }
        buffer.withUnsafeBytes(sink)
        buffer.removeAll(keepingCapacity: true)
    }
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
