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

    /// Reads the `wanted` lines out of the spec's bytes, in one pass that copies nothing else and looks up nothing
    /// per line: the wanted lines, sorted, are met in order.
    init(_ bytes: [UInt8], wanted: Set<Int>) {
        guard !wanted.isEmpty else { return }
        let targets = wanted.sorted()
        var next = 0
        var line = 1
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            while next < targets.count {
                var end = start
                while end < buffer.count, buffer[end] != UInt8(ascii: "\n") { end += 1 }
                if line == targets[next] {
                    lines[line] = Self.printable(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                    next += 1
                }
                guard end < buffer.count else { return }
                start = end + 1
                line += 1
            }
        }
    }

    public subscript(line: Int) -> String? { lines[line] }

    /// `printable` of a line's bytes, made straight from them when they are printable ASCII, as a spec's lines
    /// nearly always are.
    static func printable(_ line: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        while start < line.count, line[start] == UInt8(ascii: " ") || line[start] == UInt8(ascii: "\t") { start += 1 }
        guard line[start...].allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            return printable(String(decoding: line, as: UTF8.self))
        }
        if line.count - start > maximumLength {
            return String(decoding: line[start..<(start + maximumLength)], as: UTF8.self) + "…"
        }
        var end = line.count
        while end > start, line[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return String(decoding: line[start..<end], as: UTF8.self)
    }

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
