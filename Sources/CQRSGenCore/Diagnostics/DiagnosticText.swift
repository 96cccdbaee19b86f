/// What a diagnostic prints must be one line of printable text, whatever the spec holds: a name quoted in a message
/// may contain escape sequences that would clear a terminal, line breaks (including U+2028, U+2029 and U+0085) that
/// would split one diagnostic over several lines, or bidirectional controls that would reorder what a reader sees.
/// Each is written as a Swift escape, as the compiler does; and a message quoting a huge value is cut in the middle,
/// so that its start and its suggestion at the end both stay.
public enum DiagnosticText {
    /// The longest message printed whole, in Unicode scalars.
    public static let maximumLength = 1_000

    public static func printable(_ text: String) -> String {
        let scalars = text.unicodeScalars
        // The usual message: printable ASCII of a sensible length, kept as it is.
        if text.utf8.count <= maximumLength, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = String.UnicodeScalarView()
        let count = scalars.count
        // The start, an ellipsis and the end: exactly `maximumLength` scalars before escaping.
        let tail = maximumLength / 5, head = maximumLength - tail - 1
        for (offset, scalar) in scalars.enumerated() {
            if count > maximumLength {
                if offset == head { result.append(contentsOf: "…".unicodeScalars) }
                if offset >= head && offset < count - tail { continue }
            }
            if needsEscape(scalar) {
                result.append(contentsOf: scalar.escaped(asASCII: true).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Controls, line and paragraph separators, and the bidirectional formatting characters.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }
}
