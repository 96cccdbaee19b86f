/// Positions computed from the raw bytes of the spec, for the problems that libyaml reports by byte offset
/// (invalid UTF-8, control characters) and for the checks the reader makes before parsing (tabs).
struct TextPositions {
    let bytes: [UInt8]

    /// Where a byte offset falls, counting columns in Unicode scalars (UTF-8 lead bytes) like libyaml does.
    /// A byte-order mark is not a column. `\r\n` and a lone `\r` each end a line, as in YAML.
    func location(ofByte offset: Int) -> SourceLocation {
        var line = 1, column = 1
        var index = Self.byteOrderMarkLength(bytes)
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                line += 1
                column = 1
                if byte == UInt8(ascii: "\r"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
            } else if byte & 0b1100_0000 != 0b1000_0000 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }

    /// A line's indentation: how many spaces it starts with, and what follows them.
    struct Indentation {
        var line: Int
        var spaces: Int
        /// The first character after the spaces: a tab, or the line's content.
        enum Next { case tab, content, nothing }
        var next: Next
    }

    /// Calls `body` with the indentation of every line that holds something other than a comment or blanks, in
    /// order. A list of them would cost 24 bytes a line, megabytes for a large spec, at the reader's peak.
    func forEachIndentation(_ body: (Indentation) -> Void) {
        var line = 1
        var index = Self.byteOrderMarkLength(bytes)
        while index < bytes.count {
            var spaces = 0
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") {
                spaces += 1
                index += 1
            }
            // A tab anywhere in the leading blanks is the tab reported; blanks then a comment or nothing are no line.
            var probe = index
            while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") { probe += 1 }
            let holdsContent = probe < bytes.count
                && bytes[probe] != UInt8(ascii: "\n") && bytes[probe] != UInt8(ascii: "\r") && bytes[probe] != UInt8(ascii: "#")
            if holdsContent {
                let next: Indentation.Next = index < bytes.count && bytes[index] == UInt8(ascii: "\t") ? .tab : .content
                body(Indentation(line: line, spaces: spaces, next: next))
            }
            // Skip to the start of the next line.
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") {
                index += 1
            }
            if index < bytes.count {
                if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                index += 1
                line += 1
            }
        }
    }

    /// Finds where lines start, going forward from the last line asked for: asked in increasing order, as the
    /// reader's positions are, all of them cost one pass over the text and no table of every line's start.
    struct LineCursor {
        let positions: TextPositions
        private var line = 1
        private var start: Int

        init(_ positions: TextPositions) {
            self.positions = positions
            start = TextPositions.byteOrderMarkLength(positions.bytes)
        }

        /// The byte offset where `target` starts; nil past the last line.
        mutating func start(ofLine target: Int) -> Int? {
            let bytes = positions.bytes
            if target < line {
                line = 1
                start = TextPositions.byteOrderMarkLength(bytes)
            }
            var index = start
            while line < target {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                index += 1
                line += 1
                start = index
            }
            return start
        }
    }

    /// The bytes of the line of `location` from its column on (columns count Unicode scalars), up to the line's end.
    func rest(of location: SourceLocation, lines: inout LineCursor) -> ArraySlice<UInt8> {
        guard location.line >= 1, var index = lines.start(ofLine: location.line) else { return [] }
        var column = 1
        while index < bytes.count, column < location.column {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return [] }
            index += 1
            if index < bytes.count, bytes[index] & 0b1100_0000 != 0b1000_0000 { column += 1 }
        }
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        return bytes[index..<end]
    }

    /// The position just after the text's last character: where a problem found at the end of the text is
    /// reported. libyaml reports such problems on a line after the last when the text does not end with a line
    /// break, outside the file.
    func endOfText() -> SourceLocation {
        location(ofByte: bytes.count)
    }

    static func byteOrderMarkLength(_ bytes: [UInt8]) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }
}
