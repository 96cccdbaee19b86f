import CQRS

/// Renders diagnostics in the format that compilers, editors and `swift build` understand:
///
///     spec/operations.yaml:12:7: error: unknown category 'sesion'; did you mean 'session'?
///     spec/operations.yaml:3:3: note: categories are declared here
///
/// On a terminal, in clang's colours; for CI annotations, as JSON.
public struct DiagnosticFormatter: Sendable {
    /// The path printed before each position, as the user named the file.
    public var path: String
    /// Whether to colour the text as clang does: for a terminal only.
    public var colored: Bool

    public init(path: String, colored: Bool = false) {
        self.path = path
        self.colored = colored
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var lines = [line(diagnostic.location, diagnostic.severity.rawValue, diagnostic.message)]
        for note in diagnostic.notes {
            lines.append(line(note.location, "note", note.message))
        }
        return lines.joined(separator: "\n")
    }

    /// `path:line:column: kind: message`, with the position and message bold and the kind in its colour.
    private func line(_ location: SourceLocation, _ kind: String, _ message: String) -> String {
        let path = DiagnosticText.printable(path), message = DiagnosticText.printable(message)
        guard colored else { return "\(path):\(location): \(kind): \(message)" }
        let color = switch kind {
        case "error": ANSI.red
        case "warning": ANSI.magenta
        default: ANSI.cyan
        }
        return ANSI.bold + "\(path):\(location): " + color + kind + ":" + ANSI.reset + ANSI.bold + " " + message + ANSI.reset
    }

    private enum ANSI {
        static let bold = "\u{1B}[1m", reset = "\u{1B}[0m"
        static let red = "\u{1B}[1;31m", magenta = "\u{1B}[1;35m", cyan = "\u{1B}[1;36m"
    }

    /// The diagnostics as one JSON array, one object a line, for tools: `file`, `line`, `column`, `severity`,
    /// `message` and `notes` (each with `file`, `line`, `column` and `message`). `[]` when there are none.
    public func json(_ diagnostics: [Diagnostic]) -> String {
        Self.jsonArray(diagnostics.map(jsonObject))
    }

    /// One diagnostic as a JSON object, for a tool that gathers several runs' diagnostics into one array.
    public func jsonObject(_ diagnostic: Diagnostic) -> String {
        let path = DiagnosticText.printable(path)
        let notes = diagnostic.notes.map { note in
            "{\"file\": \(Self.string(path)), \"line\": \(note.location.line), \"column\": \(note.location.column), "
                + "\"message\": \(Self.string(DiagnosticText.printable(note.message)))}"
        }
        return "{\"file\": \(Self.string(path)), \"line\": \(diagnostic.location.line), \"column\": \(diagnostic.location.column), "
            + "\"severity\": \"\(diagnostic.severity.rawValue)\", \"message\": \(Self.string(DiagnosticText.printable(diagnostic.message))), "
            + "\"notes\": [\(notes.joined(separator: ", "))]}"
    }

    /// An error in another file, or in a file as a whole (one that cannot be read, without a line), as a JSON object
    /// of the same shape; ``jsonArray(_:)`` makes the list.
    public static func jsonError(file: String, line: Int? = nil, message: String) -> String {
        let position = line.map { ", \"line\": \($0), \"column\": 1" } ?? ""
        return "{\"file\": \(string(file))\(position), \"severity\": \"error\", \"message\": \(string(message)), \"notes\": []}"
    }

    /// A remark about the run rather than a position (how many problems were not printed), in the same shape.
    public static func jsonNote(file: String, message: String) -> String {
        "{\"file\": \(string(file)), \"severity\": \"note\", \"message\": \(string(message)), \"notes\": []}"
    }

    public static func jsonArray(_ objects: [String]) -> String {
        objects.isEmpty ? "[]" : "[\n" + objects.map { "  " + $0 }.joined(separator: ",\n") + "\n]"
    }

    static func string(_ text: String) -> String { RegistryStatistics.jsonString(text) }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }

    /// The closing line clang prints, for instance `2 errors and 1 warning generated.`; nil when there is nothing.
    public static func summary(of diagnostics: [Diagnostic]) -> String? {
        tally(diagnostics, adjective: "", ending: " generated.")
    }

    /// `901 more errors and 2 more warnings not shown (--max-diagnostics 0 shows them all).`; nil when none are left.
    public static func unshown(_ diagnostics: [Diagnostic]) -> String? {
        tally(diagnostics, adjective: "more ", ending: " not shown (--max-diagnostics 0 shows them all).")
    }

    /// The errors and warnings counted in words, then `ending`.
    private static func tally(_ diagnostics: [Diagnostic], adjective: String, ending: String) -> String? {
        let parts = [
            counted(diagnostics.errorCount, adjective + "error"),
            counted(diagnostics.warningCount, adjective + "warning"),
        ].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " and ") + ending
    }

    private static func counted(_ count: Int, _ noun: String) -> String? {
        switch count {
        case 0: nil
        case 1: "1 \(noun)"
        default: "\(count) \(noun)s"
        }
    }
}
