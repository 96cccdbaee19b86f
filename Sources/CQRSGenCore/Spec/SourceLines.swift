/// The text of the spec lines that generated code points the compiler at with `#sourceLocation`: each handler's
/// dependency list (or its name, when it takes none) and each dependency's declaration.
///
/// The compiler's excerpt under an error shows the generated lines around it, not the spec's; writing the spec's own
/// line in a comment just above the directive puts it in that excerpt, so that a reader sees what the spec says.
public struct SourceLines: Hashable, Sendable {
    /// Line number to its text, without indentation, made printable and cut to a hundred characters.
    public private(set) var lines: [Int: String] = [:]

    static let maximumLength = 100

    public init() {}

    /// The lines `spec`'s generated code points at.
    static func wanted(by spec: Spec) -> Set<Int> {
        Set(spec.operations.map { ($0.handler.dependencies.first?.location ?? $0.handler.name.location).line }
            + spec.dependencies.map(\.location.line))
    }

    /// Reads the `wanted` lines out of the spec's bytes, in one pass that copies nothing else.
    init(_ bytes: [UInt8], wanted: Set<Int>) {
        guard !wanted.isEmpty else { return }
        var line = 1
        var start = 0
        var index = 0
        let newline = UInt8(ascii: "\n")
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == newline {
                if wanted.contains(line) {
                    lines[line] = Self.printable(String(decoding: bytes[start..<index], as: UTF8.self))
                    if lines.count == wanted.count { return }
                }
                line += 1
                start = index + 1
            }
            index += 1
        }
    }

    public subscript(line: Int) -> String? { lines[line] }

    /// One line of printable text for a `//` comment: indentation dropped, other whitespace and control characters
    /// escaped, long lines cut.
    static func printable(_ text: String) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars.drop(while: { $0 == " " || $0 == "\t" }) {
            if count == maximumLength {
                result += "…"
                break
            }
            if scalar == "\r" && count > 0 { continue }
            result += (scalar.value >= 0x20 && scalar.value < 0x7F) || (scalar.value >= 0xA0 && scalar.properties.isAlphabetic)
                ? String(scalar) : scalar.escaped(asASCII: true)
            count += 1
        }
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
