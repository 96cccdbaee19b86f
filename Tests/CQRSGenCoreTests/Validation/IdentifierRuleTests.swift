import Testing

@testable import CQRSGenCore

@Suite("IdentifierRule: valid Swift names in the right case")
struct IdentifierRuleTests {
    @Test("types, operations, handlers, dependencies and events are UpperCamelCase Swift names")
    func typeNames() {
        expectDiagnostics(
            """
            version: 1
            categories:
              1️⃣Auth: Authentication.
              2️⃣data-sync: Data.
              ok_name2: Fine.
            dependencies:
              request:
                3️⃣user_repository: {name: 4️⃣UserRepo}
            types:
              5️⃣token: {fields: {value: String}}
              6️⃣Bad-Name: {fields: {value: String}}
            commands:
              7️⃣register_user:
                category: auth
                description: Register.
                handler: {name: 8️⃣registerHandler}
                events: [9️⃣user_registered]
            """, rules: [IdentifierRule()],
            [
                .error("1️⃣", "category name 'Auth' must be lowercase snake_case (letters, digits and '_', starting with a letter)"),
                .error("2️⃣", "category name 'data-sync' must be lowercase snake_case (letters, digits and '_', starting with a letter)"),
                .error("3️⃣", "dependency type 'user_repository' must be UpperCamelCase, like 'UserRepository'"),
                .error("4️⃣", "dependency property name 'UserRepo' must be lowerCamelCase, like 'userRepo'"),
                .error("5️⃣", "type name 'token' must be UpperCamelCase, like 'Token'"),
                .error("6️⃣", "type name 'Bad-Name' is not a valid Swift type name: '-' cannot appear in a Swift identifier"),
                .error("7️⃣", "command name 'register_user' must be UpperCamelCase, like 'RegisterUser'"),
                .error("8️⃣", "handler name 'registerHandler' must be UpperCamelCase, like 'RegisterHandler'"),
                .error("9️⃣", "event name 'user_registered' must be UpperCamelCase, like 'UserRegistered'"),
            ])
    }

    @Test("fields, properties and cases are lowerCamelCase; keywords are fine as field names")
    func memberNames() {
        expectDiagnostics(
            """
            version: 1
            types:
              Kind:
                cases:
                  1️⃣Plain:
                  2️⃣9lives:
                  fine:
              Box:
                fields:
                  default: String
                  self: String
                  protocol: String
                  3️⃣Type: String
                  4️⃣user_id: UUID
                  5️⃣naïve: String
                  7️⃣_private: String
            commands:
              RegisterUser:
                category: auth
                description: Register.
                fields: {6️⃣Email: String}
            """, rules: [IdentifierRule()],
            [
                .error("1️⃣", "case name 'Plain' in 'Kind' must be lowerCamelCase, like 'plain'"),
                .error("2️⃣", "case name '9lives' in 'Kind' is not a valid Swift identifier: it must start with a letter or '_'"),
                .error("3️⃣", "field name 'Type' in type 'Box' must be lowerCamelCase, like 'type'"),
                .error("4️⃣", "field name 'user_id' in type 'Box' must be lowerCamelCase, like 'userId'"),
                .error("5️⃣", "field name 'naïve' in type 'Box' is not a valid Swift identifier: 'ï' cannot appear in a Swift identifier"),
                .error("7️⃣", "field name '_private' in type 'Box' must be lowerCamelCase, like 'private'"),
                .error("6️⃣", "field name 'Email' in command 'RegisterUser' must be lowerCamelCase, like 'email'"),
            ])
    }

    @Test("naming prefixes in the configuration are UpperCamelCase words")
    func prefixes() {
        let marked = MarkedText("naming:\n  commandPrefixes: [Do, 1️⃣make]\n  paginatedQueryPrefix: 2️⃣page_of\n")
        let result = ConfigurationLoader().load(marked.text)
        let formatter = DiagnosticFormatter(path: "cqrs-gen-config.yaml")
        #expect(formatter.format(result.diagnostics) == formatter.format([
            .error("naming prefix 'make' must be an UpperCamelCase word, like 'Make'", at: marked.location("1️⃣")),
            .error("naming prefix 'page_of' must be an UpperCamelCase word", at: marked.location("2️⃣")),
        ]))
    }
}
