import Testing

@testable import CQRSGenCore

/// One diagnostic a test expects: its severity, its message, the marker where it is reported, and its notes.
struct Expected {
    var severity: Diagnostic.Severity
    var marker: String
    var message: String
    var notes: [(marker: String, message: String)]

    static func error(_ marker: String, _ message: String, notes: [(String, String)] = []) -> Expected {
        Expected(severity: .error, marker: marker, message: message, notes: notes.map { ($0.0, $0.1) })
    }

    static func warning(_ marker: String, _ message: String, notes: [(String, String)] = []) -> Expected {
        Expected(severity: .warning, marker: marker, message: message, notes: notes.map { ($0.0, $0.1) })
    }

    func resolved(in text: MarkedText) -> Diagnostic {
        Diagnostic(
            severity, message, at: text.location(marker),
            notes: notes.map { Diagnostic.Note($0.message, at: text.location($0.marker)) })
    }
}

/// Loads `marked` (reader, decoder and the given rules) and expects exactly the `expected` diagnostics, in order.
/// Both sides are compared as the lines a user would see, so a failure shows a readable difference.
func expectDiagnostics(
    _ marked: String,
    rules: [any ValidationRule] = SpecValidator.defaultRules,
    conventions: ConventionsSpec = ConventionsSpec(),
    _ expected: [Expected],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let text = MarkedText(marked)
    let loader = SpecLoader(validator: SpecValidator(rules: rules), conventions: conventions)
    let actual = loader.load(text.text).diagnostics
    let formatter = DiagnosticFormatter(path: "spec.yaml")
    #expect(
        formatter.format(actual) == formatter.format(expected.map { $0.resolved(in: text) }),
        sourceLocation: sourceLocation)
}

/// Loads `yaml` with every rule and expects no diagnostics at all.
func expectClean(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let outcome = SpecLoader().load(yaml)
    #expect(DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics) == "", sourceLocation: sourceLocation)
    #expect(outcome.validSpec != nil, sourceLocation: sourceLocation)
}

/// The smallest spec that uses everything it declares, to build test specs on.
enum SpecSnippets {
    static let header = """
        version: 1
        categories:
          auth: Authentication.

        """
}
