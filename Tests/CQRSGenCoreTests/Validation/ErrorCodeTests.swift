import Testing

@testable import CQRSGenCore

@Suite("Error codes: declared once under 'errors', named by routes, typed in Swift")
struct ErrorCodeTests {
    static let route = """
        commands:
          RegisterUser:
            category: auth
            description: X.
            http:
              route: POST /users
              errors: {1️⃣email_taken: 409, 2️⃣weak_pasword: 422, 3️⃣rate_limited: 429, unavailable: 503}

        """

    @Test("a route's code must be declared or the runtime's, with the nearest declared one suggested")
    func undeclared() {
        expectDiagnostics(
            SpecSnippets.header + "errors:\n  email_taken: Taken.\n  weak_password: Weak.\n" + Self.route,
            rules: [ErrorCodeRule()],
            [
                .error("2️⃣", "unknown error code 'weak_pasword' in the route of command 'RegisterUser'; did you mean 'weak_password'?"),
                .error("3️⃣", "unknown error code 'rate_limited' in the route of command 'RegisterUser'; declare it under 'errors'"),
            ])
    }

    @Test("without an 'errors' section, codes are the routes' own strings")
    func undeclaredSection() {
        expectDiagnostics(SpecSnippets.header + Self.route, rules: [ErrorCodeRule()], [])
    }

    @Test("a code is snake_case, described, and one Swift case of its own")
    func form() {
        expectDiagnostics(
            SpecSnippets.header + """
                errors:
                  1️⃣SessionNotFound: Not found.
                  token_expired: 2️⃣[not, text]
                  a_b: First.
                  3️⃣a__b: Second.
                """,
            rules: [ErrorCodeRule()],
            [
                .error("1️⃣", "error code 'SessionNotFound' must be snake_case, such as 'session_not_found'"),
                .error("2️⃣", "the description of error 'token_expired' must be text, not a list"),
                .error("3️⃣", "error codes 'a_b' and 'a__b' are both 'aB' in Swift; rename one"),
            ])
    }

    @Test("the generated type has a case per code, in spec order, and OperationError takes it")
    func generated() throws {
        let spec = try #require(SpecLoader().load(SpecSnippets.header + """
            errors:
              session_not_found: The session does not exist, or is another user's.
              default: A keyword.
            """).validSpec)
        let registry = try #require(Generator().generate(spec).first { $0.name == "CQRSRegistry.swift" }).contents
        #expect(registry.contains("""
            enum OperationErrorCode: String, Sendable, Hashable, Codable, CaseIterable {
                // spec/operations.yaml:5
                /// The session does not exist, or is another user's.
                case sessionNotFound = "session_not_found"
                // spec/operations.yaml:6
                /// A keyword.
                case `default` = "default"
            }
            """))
        #expect(registry.contains("    init(_ code: OperationErrorCode, message: String) {\n"))
        #expect(registry.contains("    var declaredCode: OperationErrorCode? { OperationErrorCode(rawValue: code) }\n"))
    }

    @Test("the catalogue lists each code with its meaning and the statuses routes give it")
    func catalogue() throws {
        let spec = try #require(SpecLoader().load(SpecSnippets.header + """
            errors:
              email_taken: Taken | in use.
              unused: Nobody maps it.
            commands:
              RegisterUser:
                category: auth
                description: X.
                http:
                  route: POST /users
                  errors: {email_taken: 409}
            """).validSpec)
        let catalogue = try #require(Generator().generate(spec).first { $0.name == "OPERATIONS.md" }).contents
        #expect(catalogue.contains("""
            | code | meaning | routes' statuses |
            |---|---|---|
            | `email_taken` | Taken \\| in use. | `RegisterUser`: 409 |
            | `unused` | Nobody maps it. | – |
            """))
    }
}
