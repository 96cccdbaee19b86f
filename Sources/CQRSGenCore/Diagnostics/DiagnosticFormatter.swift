/// Renders diagnostics in the format that compilers, editors and `swift build` understand:
///
///     spec/operations.yaml:12:7: error: unknown category 'sesion'; did you mean 'session'?
///     spec/operations.yaml:3:3: note: categories are declared here
public struct DiagnosticFormatter: Sendable {
    /// The path printed before each position, as the user named the file.
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var lines = ["\(path):\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)"]
        for note in diagnostic.notes {
            lines.append("\(path):\(note.location): note: \(note.message)")
        }
        return lines.joined(separator: "\n")
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }

    /// The closing line clang prints, for instance `2 errors and 1 warning generated.`; nil when there is nothing.
    public static func summary(of diagnostics: [Diagnostic]) -> String? {
        let parts = [
            counted(diagnostics.errorCount, "error"),
            counted(diagnostics.warningCount, "warning"),
        ].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " and ") + " generated."
    }

    private static func counted(_ count: Int, _ noun: String) -> String? {
        switch count {
        case 0: nil
        case 1: "1 \(noun)"
        default: "\(count) \(noun)s"
        }
    }
}
