import Testing

@testable import CQRSGenCore

@Suite("Diagnostics in compiler format")
struct DiagnosticFormatterTests {
    @Test("an error with a note prints as two compiler-format lines")
    func compilerFormat() {
        let diagnostic = Diagnostic.error(
            "duplicate key 'auth'", at: SourceLocation(line: 4, column: 3),
            notes: [.init("'auth' is first defined here", at: SourceLocation(line: 3, column: 3))])
        #expect(DiagnosticFormatter(path: "spec/operations.yaml").format(diagnostic) == """
            spec/operations.yaml:4:3: error: duplicate key 'auth'
            spec/operations.yaml:3:3: note: 'auth' is first defined here
            """)
        #expect(DiagnosticFormatter(path: "a.yaml").format(.warning("unused", at: .startOfFile)) == "a.yaml:1:1: warning: unused")
    }

    @Test("the summary counts errors and warnings like clang")
    func summary() {
        let error = Diagnostic.error("e", at: .startOfFile)
        let warning = Diagnostic.warning("w", at: .startOfFile)
        #expect(DiagnosticFormatter.summary(of: []) == nil)
        #expect(DiagnosticFormatter.summary(of: [error]) == "1 error generated.")
        #expect(DiagnosticFormatter.summary(of: [warning, warning]) == "2 warnings generated.")
        #expect(DiagnosticFormatter.summary(of: [error, error, warning]) == "2 errors and 1 warning generated.")
    }

    @Test("sorting by position is stable for diagnostics at the same position")
    func stableSort() {
        let a = Diagnostic.error("a", at: SourceLocation(line: 2, column: 1))
        let b = Diagnostic.error("b", at: SourceLocation(line: 1, column: 5))
        let c = Diagnostic.error("c", at: SourceLocation(line: 2, column: 1))
        let d = Diagnostic.error("d", at: SourceLocation(line: 1, column: 2))
        #expect([a, b, c, d].sortedByPosition().map(\.message) == ["d", "b", "a", "c"])
    }
}
