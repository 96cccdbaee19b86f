internal import CYaml

/// Turns libyaml's marks into positions as the spec's lines are counted.
///
/// libyaml follows YAML 1.1, where U+0085, U+2028 and U+2029 also end a line. YAML 1.2, editors and compilers end
/// lines at LF, CR and CRLF only, and so do the spec's positions; in a file that holds any of the three, every mark
/// after one would be a line off. A mark's `index` counts characters from the start of the text (a byte-order mark
/// excluded, CRLF counted as two), whatever libyaml thought of them, so the position is found from it.
struct MarkTranslator {
    /// The character index at which each line starts; empty when the text holds none of the three characters, and
    /// libyaml's own line and column are right.
    private let lineStarts: [Int]

    init(utf8 bytes: [UInt8]) {
        guard Self.holdsYAML11LineBreaks(bytes) else {
            lineStarts = []
            return
        }
        var starts = [0]
        var characters = 0
        var index = TextPositions.byteOrderMarkLength(bytes)
        while index < bytes.count {
            let byte = bytes[index]
            if byte & 0b1100_0000 != 0b1000_0000 { characters += 1 }
            if byte == UInt8(ascii: "\n") {
                starts.append(characters)
            } else if byte == UInt8(ascii: "\r") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    characters += 1
                    index += 1
                }
                starts.append(characters)
            }
            index += 1
        }
        lineStarts = starts
    }

    func location(of mark: yaml_mark_t) -> SourceLocation {
        guard !lineStarts.isEmpty else { return SourceLocation(mark: mark) }
        let index = mark.index
        // The last line that starts at or before the index.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(line: low + 1, column: index - lineStarts[low] + 1)
    }

    /// Whether the UTF-8 text holds U+0085 (C2 85), U+2028 (E2 80 A8) or U+2029 (E2 80 A9).
    private static func holdsYAML11LineBreaks(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0xC2, bytes[index + 1] == 0x85 { return true }
            if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
               bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                return true
            }
            index += 1
        }
        return false
    }
}
