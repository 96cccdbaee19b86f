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

    /// The position of each tab in the indentation of a line that holds something other than a comment.
    /// YAML forbids tabs there, and libyaml's own message for them ("found character that cannot start any
    /// token") does not say so.
    func tabsInIndentation() -> [SourceLocation] {
        var found: [SourceLocation] = []
        var line = 1
        var index = Self.byteOrderMarkLength(bytes)
        while index < bytes.count {
            // Read the indentation of this line.
            var column = 1
            var firstTab: Int?
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                if bytes[index] == UInt8(ascii: "\t"), firstTab == nil { firstTab = column }
                column += 1
                index += 1
            }
            let startsContent = index < bytes.count
                && bytes[index] != UInt8(ascii: "\n") && bytes[index] != UInt8(ascii: "\r")
                && bytes[index] != UInt8(ascii: "#")
            if let firstTab, startsContent {
                found.append(SourceLocation(line: line, column: firstTab))
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
        return found
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
