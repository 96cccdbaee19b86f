import ArgumentParser
import CQRSGenCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How problems are printed: compiler-format text on standard error (coloured on a terminal), or one JSON array for
/// CI annotations.
struct DiagnosticOutput: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Option(help: ArgumentHelp(
        "How to print problems: text (FILE:LINE:COLUMN: error: MESSAGE) or json.",
        discussion: "json prints one array on standard error, [] when there is nothing: file, line, column, severity, message, notes."))
    var format: Format = .text

    @Option(help: "When to colour text: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp(
        "The most problems to print; the rest are counted (0 prints them all).", valueName: "count"))
    var maxDiagnostics = 100

    var colored: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: isatty(STDERR_FILENO) == 1 && getenv("NO_COLOR") == nil
        }
    }

    /// The JSON objects reported so far, when the format is JSON: a run prints them as one array when it ends
    /// (``flush()``), so that standard error holds exactly one array whatever happened.
    private static let collected = Mutex<[String]?>(nil)

    /// Prints the spec's diagnostics, with clang's closing count in text.
    /// Past `--max-diagnostics`, the rest are counted in one closing line, as compilers cap their errors.
    func report(_ diagnostics: [Diagnostic], path: String) {
        let formatter = DiagnosticFormatter(path: path, colored: colored)
        let shown = maxDiagnostics > 0 ? Array(diagnostics.prefix(maxDiagnostics)) : diagnostics
        let hidden = Array(diagnostics.dropFirst(shown.count))
        let rest = DiagnosticFormatter.unshown(hidden)
        switch format {
        case .json:
            Self.collect(shown.map(formatter.jsonObject))
            if let rest { Self.collect([DiagnosticFormatter.jsonNote(file: path, message: rest)]) }
        case .text:
            if !shown.isEmpty { StandardError.write(formatter.format(shown)) }
            if let rest { StandardError.write(rest) }
            if let summary = DiagnosticFormatter.summary(of: diagnostics) { StandardError.write(summary) }
        }
    }

    /// Prints errors about other files, or about a file as a whole (`line` nil): `text` is the text form's lines.
    func report(errors: [(file: String, line: Int?, message: String, text: String)]) {
        switch format {
        case .json:
            Self.collect(errors.map { DiagnosticFormatter.jsonError(file: $0.file, line: $0.line, message: $0.message) })
        case .text:
            for error in errors { StandardError.write(error.text) }
        }
    }

    private static func collect(_ objects: [String]) {
        collected.withLock { $0 = ($0 ?? []) + objects }
    }

    /// Marks the run as printing JSON, so that a clean run still prints `[]`.
    func begin() {
        if format == .json { Self.collect([]) }
    }

    /// Prints the run's JSON array, if the run prints JSON.
    static func flush() {
        guard let objects = collected.withLock({ objects in defer { objects = nil }; return objects }) else { return }
        StandardError.write(DiagnosticFormatter.jsonArray(objects))
    }
}
