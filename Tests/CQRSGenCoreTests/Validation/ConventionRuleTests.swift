import Testing

@testable import CQRSGenCore

@Suite("Conventions: naming prefixes, pagination, events, one handler per operation, enumerations")
struct ConventionRuleTests {
    @Test("command and query names start with a word from the conventions, as whole words")
    func namingConventions() {
        expectDiagnostics(
            """
            version: 1
            commands:
              RegisterUser: {category: auth, description: X.}
              DeleteTodoList: {category: auth, description: X.}
              PurgeTodoLists: {category: auth, description: X.}
              1️⃣FrobnicateUser: {category: auth, description: X.}
              2️⃣GetToken: {category: auth, description: X.}
              3️⃣Registering: {category: auth, description: X.}
            queries:
              ListUsers: {category: auth, description: X., result: UUID}
              FindUser: {category: auth, description: X., result: UUID}
              4️⃣WhichUser: {category: auth, description: X., result: UUID}
              5️⃣CreateReport: {category: auth, description: X., result: UUID}
            """, rules: [NamingConventionRule()],
            [
                .error("1️⃣", "command name 'FrobnicateUser' does not start with a known command verb; rename it, or add 'Frobnicate' to 'naming.additionalCommandPrefixes' in cqrs-gen-config.yaml"),
                .error("2️⃣", "command name 'GetToken' does not start with a known command verb ('Get' starts a query name: is it a query?); rename it, or add 'Get' to 'naming.additionalCommandPrefixes' in cqrs-gen-config.yaml"),
                .error("3️⃣", "command name 'Registering' does not start with a known command verb; rename it, or add 'Registering' to 'naming.additionalCommandPrefixes' in cqrs-gen-config.yaml"),
                .error("4️⃣", "query name 'WhichUser' does not start with a known query word; rename it, or add 'Which' to 'naming.additionalQueryPrefixes' in cqrs-gen-config.yaml"),
                .error("5️⃣", "query name 'CreateReport' does not start with a known query word ('Create' starts a command name: is it a command?); rename it, or add 'Create' to 'naming.additionalQueryPrefixes' in cqrs-gen-config.yaml"),
            ])
    }

    @Test("the configuration replaces or extends the lists, and an empty list turns a convention off")
    func customConventions() {
        let configuration = ConfigurationLoader().load("""
            naming:
              commandPrefixes: [Delete]
              additionalCommandPrefixes: [Frobnicate]
              queryPrefixes: []
            """)
        #expect(configuration.diagnostics.isEmpty)
        #expect(configuration.configuration.conventions.commandPrefixes.map(\.value) == ["Delete", "Frobnicate"])
        expectDiagnostics(
            """
            version: 1
            commands:
              DeleteUser: {category: auth, description: X.}
              FrobnicateUser: {category: auth, description: X.}
              1️⃣RegisterUser: {category: auth, description: X.}
            queries:
              AnythingGoes: {category: auth, description: X., result: UUID}
            """, rules: [NamingConventionRule()], conventions: configuration.configuration.conventions,
            [
                .error("1️⃣", "command name 'RegisterUser' does not start with a known command verb; rename it, or add 'Register' to 'naming.additionalCommandPrefixes' in cqrs-gen-config.yaml")
            ])
        let extended = ConfigurationLoader().load("naming: {additionalQueryPrefixes: [Which]}\n").configuration.conventions
        #expect(extended.queryPrefixes.map(\.value) == ConventionsSpec.defaultQueryPrefixes + ["Which"])
    }

    @Test("a paginated query carries the paginated prefix, when the configuration sets one")
    func paginationPrefix() {
        let spec = """
            version: 1
            queries:
              ListUsers: {category: auth, description: X., result: UUID, pagination: offset}
              1️⃣GetUsers: {category: auth, description: X., result: UUID, 2️⃣pagination: offset}
              GetUser: {category: auth, description: X., result: UUID}
            """
        expectDiagnostics(spec, rules: [PaginationPrefixRule()], [])
        expectDiagnostics(
            spec, rules: [PaginationPrefixRule()],
            conventions: ConventionsSpec(paginatedQueryPrefix: Located("List", at: .startOfFile)),
            [
                .error("1️⃣", "paginated query 'GetUsers' must start with 'List'", notes: [("2️⃣", "'GetUsers' is paginated here")])
            ])
    }

    @Test("with requiredForLists, a query whose answer holds a list declares pagination; others need not")
    func paginatedLists() {
        let spec = """
            version: 1
            types:
              Page:
                fields:
                  items: 1️⃣"[UUID]"
                  total: Int
              Tagged:
                fields:
                  tags: 2️⃣"[String]?"
              One:
                fields:
                  id: UUID
            queries:
              3️⃣ListAll: {category: auth, description: X., result: 4️⃣"[UUID]"}
              5️⃣ListPage: {category: auth, description: X., result: Page}
              6️⃣GetTagged: {category: auth, description: X., result: Tagged?}
              ListPaged: {category: auth, description: X., result: Page, pagination: offset, fields: {limit: Int, offset: Int}}
              GetOne: {category: auth, description: X., result: One}
              GetMap: {category: auth, description: X., result: "[String: Int]"}
            """
        expectDiagnostics(spec, rules: [PaginatedListsRule()], [])
        let suffix = "but declares no 'pagination'; paginate it so that its answer is bounded (the configuration sets 'pagination.requiredForLists')"
        expectDiagnostics(
            spec, rules: [PaginatedListsRule()], conventions: ConventionsSpec(requiresPaginatedLists: true),
            [
                .error("3️⃣", "query 'ListAll' answers a list ('[UUID]') \(suffix)", notes: [("4️⃣", "'[UUID]'")]),
                .error("5️⃣", "query 'ListPage' answers a list ('[UUID]' in field 'items' of 'Page') \(suffix)",
                       notes: [("1️⃣", "'[UUID]' in field 'items' of 'Page'")]),
                .error("6️⃣", "query 'GetTagged' answers a list ('[String]?' in field 'tags' of 'Tagged') \(suffix)",
                       notes: [("2️⃣", "'[String]?' in field 'tags' of 'Tagged'")]),
            ])
    }

    @Test("a paginated query declares the fields of its style, with the types a page request needs")
    func paginationFields() {
        expectDiagnostics(
            """
            version: 1
            queries:
              ListUsers: {category: auth, description: X., result: UUID, pagination: offset, fields: {limit: Int, offset: Int}}
              1️⃣ListRoles: {category: auth, description: X., result: UUID, pagination: 2️⃣offset, fields: {limit: Int}}
              ListTeams: {category: auth, description: X., result: UUID, pagination: offset, fields: {limit: 3️⃣String, offset: Int}}
              ListPlain: {category: auth, description: X., result: UUID, fields: {limit: String}}
              ListPages: {category: auth, description: X., result: UUID, pagination: {style: page, page: pageNumber, size: pageSize}, fields: {pageNumber: Int, pageSize: Int}}
              4️⃣ListMore: {category: auth, description: X., result: UUID, pagination: {style: page, page: 5️⃣number}, fields: {size: Int}}
              ListAfter: {category: auth, description: X., result: UUID, pagination: {style: cursor, cursor: after, limit: first}, fields: {after: String?, first: Int}}
              ListBefore: {category: auth, description: X., result: UUID, pagination: cursor, fields: {cursor: 6️⃣Int, limit: Int}}
            """, rules: [PaginationFieldsRule()],
            [
                .error("2️⃣", "paginated query 'ListRoles' needs a field 'offset: Int' for its offset", notes: [("1️⃣", "add it to the fields of 'ListRoles'")]),
                .error("3️⃣", "field 'limit' of paginated query 'ListTeams' carries its limit, so it must be 'Int', not 'String'"),
                .error("5️⃣", "paginated query 'ListMore' needs a field 'number: Int' for its page", notes: [("4️⃣", "add it to the fields of 'ListMore'")]),
                .error("6️⃣", "field 'cursor' of paginated query 'ListBefore' carries its cursor, so it must be 'String?' or 'String', not 'Int'"),
            ])
    }

    @Test("events need emitsEvents, and each is listed once")
    func events() {
        expectDiagnostics(
            """
            version: 1
            commands:
              RegisterUser:
                category: auth
                description: X.
                emitsEvents: 2️⃣false
                1️⃣events: [UserRegistered]
              LinkToken:
                category: auth
                description: X.
                emitsEvents: false
                events: []
              VerifyEmail:
                category: auth
                description: X.
                events: [3️⃣EmailVerified, 4️⃣EmailVerified]
            """, rules: [EventsRule()],
            [
                .error("1️⃣", "command 'RegisterUser' lists events but has 'emitsEvents: false'", notes: [("2️⃣", "'emitsEvents' is set to false here")]),
                .error("4️⃣", "event 'EmailVerified' is listed twice for command 'VerifyEmail'", notes: [("3️⃣", "'EmailVerified' is first listed here")]),
            ])
    }

    @Test("each handler serves exactly one operation, whether its name is given or derived")
    func oneHandlerPerOperation() {
        expectDiagnostics(
            """
            version: 1
            commands:
              1️⃣CreateSession: {category: session, description: X.}
              LinkRefreshTokenToSession:
                category: session
                description: X.
                handler: {name: 2️⃣CreateSessionHandler}
              RecordProviderAccess:
                category: session
                description: X.
                handler: {name: 3️⃣CreateSessionHandler}
            queries:
              GetSession: {category: session, description: X., result: UUID, handler: {name: 5️⃣SessionHandler}}
              4️⃣ListSessions: {category: session, description: X., result: UUID, handler: {name: 6️⃣SessionHandler}}
            """, rules: [HandlerUniquenessRule()],
            [
                .error("2️⃣", "handler 'CreateSessionHandler' already serves command 'CreateSession'; each handler serves exactly one operation, so give command 'LinkRefreshTokenToSession' its own", notes: [("1️⃣", "'CreateSessionHandler' is named for 'CreateSession' here")]),
                .error("3️⃣", "handler 'CreateSessionHandler' already serves command 'CreateSession'; each handler serves exactly one operation, so give command 'RecordProviderAccess' its own", notes: [("1️⃣", "'CreateSessionHandler' is named for 'CreateSession' here")]),
                .error("6️⃣", "handler 'SessionHandler' already serves query 'GetSession'; each handler serves exactly one operation, so give query 'ListSessions' its own", notes: [("5️⃣", "'SessionHandler' is named for 'GetSession' here")]),
            ])
    }

    @Test("an enumeration has cases, each with its own raw value")
    func enumerations() {
        expectDiagnostics(
            """
            version: 1
            types:
              1️⃣Empty: {cases: {}}
              Kind:
                cases:
                  2️⃣roth: roth_ira
                  3️⃣rothIRA: roth_ira
            """, rules: [EnumerationRule()],
            [
                .error("1️⃣", "enumeration 'Empty' has no cases"),
                .error("3️⃣", "cases 'roth' and 'rothIRA' of 'Kind' have the same raw value 'roth_ira'", notes: [("2️⃣", "'roth' is declared here")]),
            ])
    }

    @Test("a struct cannot store itself, even through an optional or another struct; arrays break the cycle")
    func recursiveTypes() {
        expectDiagnostics(
            """
            version: 1
            types:
              1️⃣Node: {fields: {value: Int, next: Node?}}
              2️⃣Parent: {fields: {child: Child}}
              Child: {fields: {parent: Parent?}}
              Tree: {fields: {children: "[Tree]", index: "[String: Tree]"}}
            """, rules: [RecursiveTypeRule()],
            [
                .error("1️⃣", "type 'Node' contains itself (Node.next); a struct cannot store itself, even as an optional: use an array or break the cycle"),
                .error("2️⃣", "type 'Parent' contains itself (Parent.child → Child.parent); a struct cannot store itself, even as an optional: use an array or break the cycle"),
            ])
    }

    @Test("declarations nothing uses are warnings")
    func unusedDeclarations() {
        expectDiagnostics(
            """
            version: 1
            categories:
              auth: A.
              1️⃣billing: B.
            dependencies:
              request: {UserRepository: , 2️⃣AuditLog: }
            types:
              Token: {fields: {owner: Owner}}
              Owner: {fields: {id: UUID}}
              3️⃣Orphan: {fields: {child: OrphanChild}}
              4️⃣OrphanChild: {fields: {id: UUID}}
            commands:
              RegisterUser:
                category: auth
                description: X.
                result: Token
                handler: {dependencies: [UserRepository]}
            """, rules: [UnusedDeclarationRule()],
            [
                .warning("1️⃣", "category 'billing' is declared but no operation uses it"),
                .warning("2️⃣", "dependency 'AuditLog' is declared but no handler takes it"),
                .warning("3️⃣", "type 'Orphan' is declared but no operation uses it, directly or through other types"),
                .warning("4️⃣", "type 'OrphanChild' is declared but no operation uses it, directly or through other types"),
            ])
    }

    @Test("a misspelt reference does not also make its target look unused")
    func noUnusedWarningForTypos() {
        expectDiagnostics(
            """
            version: 1
            categories: {auth: A.}
            dependencies:
              app: {EventBus: }
            types:
              Token: {fields: {value: String}}
            commands:
              RegisterUser:
                category: 1️⃣auht
                description: X.
                result: 3️⃣Tokn
                handler: {dependencies: [2️⃣EventBuss]}
            """, rules: [UnusedDeclarationRule(), CategoryReferenceRule(), DependencyReferenceRule(), TypeReferenceRule()],
            [
                .error("1️⃣", "unknown category 'auht' for command 'RegisterUser'; did you mean 'auth'?"),
                .error("3️⃣", "unknown type 'Tokn' in the result of command 'RegisterUser'; did you mean 'Token'?"),
                .error("2️⃣", "undeclared dependency 'EventBuss' for handler 'RegisterUserHandler'; did you mean 'EventBus'?"),
            ])
    }
}
