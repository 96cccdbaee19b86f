import Testing

@testable import CQRSGenCore

/// `runs`: the operations a handler runs through dispatch. Each mistake is reported once, at the item that makes it.
@Suite("Operations that run others")
struct RunsRuleTests {
    @Test("a command that runs others has no transaction of its own unless it says so, and its list is kept in order")
    func decoded() throws {
        let outcome = SpecLoader().load(SpecSnippets.header + """
            commands:
              LogIn:
                category: auth
                description: X.
                result: String
                runs: [CreateSession, GetToken]
              CreateSession: {category: auth, description: X., result: String}
            queries:
              GetToken: {category: auth, description: X., result: String}
              GetTokenTwice: {category: auth, description: X., result: String, runs: [GetToken]}
            """)
        #expect(DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics) == "")
        let spec = try #require(outcome.validSpec)
        #expect(spec.commands.map(\.runNames) == [["CreateSession", "GetToken"], []])
        #expect(spec.commands.map { $0.commandTraits?.requiresTransaction.value } == [false, true])
        #expect(spec.queries.map(\.runsOperations) == [false, true])
        #expect(spec.composesOperations)
    }

    @Test("each problem of a 'runs' list is reported once, at its item")
    func problems() {
        expectDiagnostics(SpecSnippets.header + """
            commands:
              LogIn:
                category: auth
                description: X.
                requiresTransaction: 1️⃣true
                runs: [2️⃣CreateSesion, 🅱️CreateSession, 3️⃣CreateSession, 4️⃣LogIn]
              🅲CreateSession: {category: auth, description: X., runs: [5️⃣RevokeSession]}
              RevokeSession: {category: auth, description: X., runs: [CreateSession]}
              CreateNothing: {category: auth, description: X., 6️⃣runs: []}
            queries:
              GetToken: {category: auth, description: X., result: String, runs: [7️⃣CreateSession]}
            """, [
            .error("1️⃣", "command 'LogIn' runs other operations, each in a transaction of its own, so it cannot require one; remove 'requiresTransaction: true'"),
            .error("2️⃣", "'runs' of command 'LogIn' names 'CreateSesion', which is neither a command nor a query; did you mean 'CreateSession'?"),
            .error("3️⃣", "'CreateSession' is listed twice in 'runs' of command 'LogIn'", notes: [("🅱️", "'CreateSession' is first listed here")]),
            .error("4️⃣", "command 'LogIn' runs itself; its handler would never return"),
            .error("5️⃣", "command 'CreateSession' runs 'RevokeSession', which runs it back (CreateSession → RevokeSession → CreateSession); operations that run each other never return"),
            .error("6️⃣", "'runs' of command 'CreateNothing' lists no operation; remove it, or name what its handler runs"),
            .error("7️⃣", "query 'GetToken' runs the command 'CreateSession'; a query changes nothing, so it runs queries only", notes: [("🅲", "'CreateSession' is declared here")]),
        ])
    }

    @Test("the steps value generated for an operation takes a name nothing else may")
    func stepsNameIsTaken() {
        expectDiagnostics(SpecSnippets.header + """
            types:
              🅰️LogInSteps: {fields: {a: Int}}
            commands:
              1️⃣LogIn: {category: auth, description: X., result: LogInSteps, runs: [CreateSession]}
              CreateSession: {category: auth, description: X.}
            """, [
            .error("1️⃣", "'LogInSteps' is already declared as a type", notes: [("🅰️", "'LogInSteps' is first declared here")]),
        ])
    }
}
