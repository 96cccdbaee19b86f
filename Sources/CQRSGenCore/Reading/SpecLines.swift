/// The lines of a spec as its positions count them, for checking that a position lies inside the file (the fuzzer
/// and the tests do): lines end at LF, CR or CRLF, and are measured in Unicode scalars after a byte-order mark; a
/// UTF-16 spec is measured as the reader reads it.
public enum SpecLines {
    /// The length of each line in Unicode scalars; a text ending with a line break has an empty last line.
    public static func lengths(of bytes: [UInt8]) -> [Int] {
        var bytes = bytes
        switch UTF16Input.transcode(bytes) {
        case .utf8(let transcoded): bytes = transcoded
        // Invalid UTF-16 is measured as far as the reader read it: its error stands just after that text.
        case .invalid(_, let readBefore): bytes = readBefore
        case .notUTF16: break
        }
        var lengths = [0]
        var index = TextPositions.byteOrderMarkLength(bytes)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                lengths.append(0)
            } else if byte & 0b1100_0000 != 0b1000_0000 {
                lengths[lengths.count - 1] += 1
            }
            index += 1
        }
        return lengths
    }

    /// Whether `location` is on one of the lines, at one of its characters or just after its last.
    public static func contains(_ location: SourceLocation, lengths: [Int]) -> Bool {
        location.line >= 1 && location.line <= lengths.count && location.column >= 1
            && location.column <= lengths[location.line - 1] + 1
    }
}
