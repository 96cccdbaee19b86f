import Testing

@testable import CQRSGenCore

@Suite("References: categories, dependencies and types must be declared")
struct ReferenceRuleTests {
    @Test("an unknown category is reported with the nearest declared one")
    func unknownCategory() {
        expectDiagnostics(
            """
            version: 1
            categories:
              session: Sessions.
              data_sync: Data.
            commands:
              CreateSession: {category: 1️⃣sesion, description: X.}
              SyncAccounts: {category: 2️⃣billing, description: X.}
            """, rules: [CategoryReferenceRule()],
            [
                .error("1️⃣", "unknown category 'sesion' for command 'CreateSession'; did you mean 'session'?"),
                .error("2️⃣", "unknown category 'billing' for command 'SyncAccounts'; declared categories: session, data_sync"),
            ])
        expectDiagnostics("version: 1\nqueries:\n  GetUser: {category: 1️⃣auth, description: X., result: UUID}\n", rules: [CategoryReferenceRule()], [
            .error("1️⃣", "unknown category 'auth' for query 'GetUser'; declare it under 'categories'")
        ])
    }

    @Test("a handler may take only declared dependencies, each once")
    func dependencies() {
        expectDiagnostics(
            """
            version: 1
            dependencies:
              request: {UserRepository: }
              app: {EventBus: }
            commands:
              RegisterUser:
                category: auth
                description: X.
                handler:
                  dependencies: [2️⃣UserRepository, 1️⃣EventBuss, 3️⃣UserRepository, 4️⃣Mailer]
            """, rules: [DependencyReferenceRule()],
            [
                .error("1️⃣", "undeclared dependency 'EventBuss' for handler 'RegisterUserHandler'; did you mean 'EventBus'?"),
                .error("3️⃣", "dependency 'UserRepository' is listed twice for handler 'RegisterUserHandler'", notes: [("2️⃣", "'UserRepository' is first listed here")]),
                .error("4️⃣", "undeclared dependency 'Mailer' for handler 'RegisterUserHandler'; declare it under 'dependencies.request' or 'dependencies.app'"),
            ])
    }

    @Test("field and result types must be built-in or declared, at any depth")
    func types() {
        expectDiagnostics(
            """
            version: 1
            types:
              Token:
                fields:
                  value: String
                  owner: 1️⃣UUIDD
                  scopes: 2️⃣"[String: [Scope]]?"
            commands:
              RegisterUser:
                category: auth
                description: X.
                fields:
                  token: Token
                  when: Date
                  link: URL?
                  blob: Data
                  amount: Decimal
                  flags: "[Bool]"
                result: 3️⃣Tokn
            queries:
              GetUser:
                category: auth
                description: X.
                result: 4️⃣User
            """, rules: [TypeReferenceRule()],
            [
                .error("1️⃣", "unknown type 'UUIDD' in field 'owner' of type 'Token'; did you mean 'UUID'?"),
                .error("2️⃣", "unknown type 'Scope' in field 'scopes' of type 'Token'"),
                .error("3️⃣", "unknown type 'Tokn' in the result of command 'RegisterUser'; did you mean 'Token'?"),
                .error("4️⃣", "unknown type 'User' in the result of query 'GetUser'"),
            ])
    }

    @Test("a type that fails to decode still declares its name, so its uses are not reported twice")
    func noCascadeFromBrokenTypes() {
        expectDiagnostics(
            """
            version: 1
            types:
              Token: 1️⃣[oops]
            commands:
              RegisterUser: {category: auth, description: X., result: Token}
            """, rules: SpecValidator.defaultRules.filter { !($0 is UnusedDeclarationRule) && !($0 is CategoryReferenceRule) },
            [.error("1️⃣", "type 'Token' must be a mapping with 'fields' or 'cases', not a list")])
    }
}
