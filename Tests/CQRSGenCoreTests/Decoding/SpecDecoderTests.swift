import Testing

import CQRS
@testable import CQRSGenCore

@Suite("Decoder: the spec language's grammar")
struct SpecDecoderTests {
    @Test("a spec decodes into its model, with every default filled in")
    func decodesTheModel() throws {
        let yaml = """
            version: 1
            categories:
              auth: Authentication.
            dependencies:
              request:
                UserRepository:
                URLSession: {kind: concrete}
              app:
                EventBus: {name: bus, description: Publishes events.}
            types:
              Token:
                description: A token.
                fields:
                  value: String
                  expiresIn: {type: Int, default: 900, description: Seconds.}
              Kind:
                cases:
                  plain:
                  fancy: fancy_kind
                  other: {value: OTHER, description: Anything else.}
            commands:
              RegisterUser:
                category: auth
                description: |
                  Register a user.
                fields:
                  email: String
                  tags: "[String: [Int]]?"
                result: Token
                handler:
                  dependencies: [UserRepository, EventBus]
                events: [UserRegistered]
              RevokeAll:
                category: auth
                description: Revoke.
                handler: {name: RevokeEverythingHandler}
                emitsEvents: false
                requiresTransaction: false
            queries:
              GetUser:
                category: auth
                description: Get a user.
                result: UUID
              ListUsers:
                category: auth
                description: List users.
                result: "[UUID]"
                pagination: {style: page, size: pageSize}
                cachePolicy: medium
            """
        let outcome = SpecLoader(validator: SpecValidator(rules: [])).load(yaml)
        #expect(outcome.diagnostics.isEmpty)
        let spec = try #require(outcome.spec)

        #expect(spec.version.value == 1)
        #expect(spec.categories.map(\.name) == ["auth"])
        #expect(spec.requestDependencies.map(\.typeName) == ["UserRepository", "URLSession"])
        #expect(spec.requestDependencies.map(\.propertyName.value) == ["userRepository", "urlSession"])
        #expect(spec.requestDependencies.map(\.kind) == [.protocol, .concrete])
        #expect(spec.appDependencies.map(\.propertyName.value) == ["bus"])
        #expect(spec.appDependencies.map(\.scope) == [.app])
        #expect(spec.appDependencies.first?.description == "Publishes events.")

        #expect(spec.types.map(\.name) == ["Token", "Kind"])
        #expect(spec.types[0].fields.map(\.name) == ["value", "expiresIn"])
        #expect(spec.types[0].fields[1].defaultValue?.scalar?.value == "900")
        #expect(spec.types[0].fields[1].description == "Seconds.")
        #expect(spec.types[1].cases.map(\.rawValue) == ["plain", "fancy_kind", "OTHER"])
        #expect(spec.types[1].cases.map(\.description) == [nil, nil, "Anything else."])

        let register = spec.commands[0]
        #expect(register.description == "Register a user.")
        #expect(register.fields.map(\.type.expression) == [
            .named("String"), .optional(.dictionary(key: .named("String"), value: .array(.named("Int")))),
        ])
        #expect(register.result?.expression == .named("Token"))
        #expect(register.handler.name.value == "RegisterUserHandler")
        #expect(!register.handler.isNameExplicit)
        #expect(register.handler.dependencies.map(\.value) == ["UserRepository", "EventBus"])
        #expect(register.commandTraits?.emitsEvents.value == true)
        #expect(register.commandTraits?.requiresTransaction.value == true)
        #expect(register.commandTraits?.events?.value.map(\.value) == ["UserRegistered"])

        let revoke = spec.commands[1]
        #expect(revoke.result == nil)
        #expect(revoke.handler.name.value == "RevokeEverythingHandler")
        #expect(revoke.handler.isNameExplicit)
        #expect(revoke.commandTraits?.emitsEvents.value == false)
        #expect(revoke.commandTraits?.requiresTransaction.value == false)
        #expect(revoke.commandTraits?.events == nil)

        #expect(spec.queries[0].queryTraits?.pagination == nil)
        let pagination = try #require(spec.queries[1].queryTraits?.pagination)
        #expect(pagination.style == .page)
        #expect(pagination.fields.map { "\($0.role.rawValue)=\($0.field.value)" } == ["page=page", "size=pageSize"])
        #expect(spec.queries.map { $0.queryTraits?.cachePolicy.value } == [CachePolicy.none, .medium])
    }

    @Test("references that spell a type alike share one parse, each keeping its own position")
    func typeReferencesShareTheirParse() throws {
        let yaml = """
            version: 1
            commands:
              RegisterUser:
                category: auth
                description: Registers.
                fields:
                  tags: "[String: Int]?"
                  other: "[String: Int]?"
                  name: String
            """
        let root = try #require(YAMLReader().read(yaml).root)
        let spec = try #require(SpecDecoder().decode(root).spec)
        let fields = spec.commands[0].fields
        #expect(fields[0].type.sharedWritten.isShared(with: fields[1].type.sharedWritten))
        #expect(!fields[0].type.sharedWritten.isShared(with: fields[2].type.sharedWritten))
        #expect(fields.map(\.type.text) == ["[String: Int]?", "[String: Int]?", "String"])
        #expect(fields[1].type.expression == .optional(.dictionary(key: .named("String"), value: .named("Int"))))
        #expect(fields.map(\.type.location.line) == [7, 8, 9])
        // Changing one reference changes only that one.
        var changed = fields[0].type
        changed.text = "Int"
        #expect(changed.text == "Int" && fields[1].type.text == "[String: Int]?")
    }

    @Test("the top level must be a mapping of sections")
    func topLevelShape() {
        expectDiagnostics("1️⃣- version\n- 1\n", rules: [], [
            .error("1️⃣", "the spec must be a mapping of sections ('version', 'commands', …), not a list")
        ])
        expectDiagnostics("1️⃣just text\n", rules: [], [
            .error("1️⃣", "the spec must be a mapping of sections ('version', 'commands', …), not a scalar")
        ])
        expectDiagnostics("1️⃣---\n", rules: [], [
            .error("1️⃣", "the spec must be a mapping that starts with 'version: 1', but it is empty")
        ])
    }

    @Test("'version' is required and must be 1")
    func version() {
        expectDiagnostics("1️⃣categories: {}\n", rules: [], [
            .error("1️⃣", "the spec has no 'version'; add 'version: 1' at the top")
        ])
        expectDiagnostics("version: 1️⃣2\n", rules: [], [
            .error("1️⃣", "unsupported spec version 2; this cqrs-gen reads version 1")
        ])
        expectDiagnostics("version: 1️⃣\"1\"\n", rules: [], [
            .error("1️⃣", "'version' must be a whole number, not '1'")
        ])
    }

    @Test("unknown keys are reported, with the nearest known key when there is one")
    func unknownKeys() {
        expectDiagnostics(
            """
            version: 1
            1️⃣comands: {}
            2️⃣extras: {}
            8️⃣conventions: {}
            commands:
              7️⃣RegisterUser:
                category: auth
                3️⃣descripton: Register.
                4️⃣pagination: offset
            queries:
              GetUser:
                category: auth
                description: Get.
                result: UUID
                5️⃣events: [A]
                handler: {6️⃣dependancies: []}
            """, rules: [],
            [
                .error("1️⃣", "unknown key 'comands' in the spec; did you mean 'commands'?"),
                .error("2️⃣", "unknown key 'extras' in the spec; expected 'version', 'categories', 'dependencies', 'types', 'commands', 'queries', 'events', 'errors'"),
                .error("8️⃣", "'conventions' is not allowed in the spec: naming conventions are set in cqrs-gen-config.yaml, under 'naming'"),
                .error("7️⃣", "command 'RegisterUser' has no 'description'; it documents the generated type"),
                .error("3️⃣", "unknown key 'descripton' in command 'RegisterUser'; did you mean 'description'?"),
                .error("4️⃣", "'pagination' is not allowed in command 'RegisterUser': it applies to queries only"),
                .error("5️⃣", "'events' is not allowed in query 'GetUser': it applies to commands only"),
                .error("6️⃣", "unknown key 'dependancies' in the handler of 'GetUser'; did you mean 'dependencies'?"),
            ])
    }

    @Test("a comma inside a flow mapping that splits a description gets a hint")
    func commaInFlowMapping() {
        expectDiagnostics(
            """
            version: 1
            types:
              Token:
                fields:
                  value: {type: String, description: One, 1️⃣two and three.}
            """, rules: [],
            [
                .error("1️⃣", "unknown key 'two and three.' in field 'value' of type 'Token'; expected 'type', 'default', 'description', 'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'minItems', 'maxItems', 'message' (a comma inside '{…}' ends a value: quote text that contains commas)")
            ])
    }

    @Test("a value of the wrong shape is reported where it is, naming what was expected")
    func wrongShapes() {
        expectDiagnostics(
            """
            version: 1
            categories: 1️⃣[auth, session]
            dependencies:
              request: 2️⃣UserRepository
              app:
                EventBus: 3️⃣[a]
            types:
              Token: 4️⃣String
            commands:
              RegisterUser:
                category: 5️⃣{name: auth}
                description: Register.
                fields: 6️⃣[email, password]
                handler:
                  dependencies: 7️⃣UserRepository
                events: 8️⃣{a: b}
            queries: 9️⃣GetUser
            """, rules: [],
            [
                .error("1️⃣", "'categories' must be a mapping of category names to descriptions, not a list"),
                .error("2️⃣", "'dependencies.request' must be a mapping of type names to dependencies, not a scalar"),
                .error("3️⃣", "dependency 'EventBus' must be a mapping (or empty, for the defaults), not a list"),
                .error("4️⃣", "type 'Token' must be a mapping with 'fields' or 'cases', not a scalar"),
                .error("5️⃣", "'category' of command 'RegisterUser' must be a category name, not a mapping"),
                .error("6️⃣", "'fields' of command 'RegisterUser' must be a mapping of field names to types, not a list"),
                .error("7️⃣", "'dependencies' of the handler of 'RegisterUser' must be a list of dependency type names, not a scalar"),
                .error("8️⃣", "'events' of command 'RegisterUser' must be a list of event names, not a mapping"),
                .error("9️⃣", "'queries' must be a mapping of query names to queries, not a scalar"),
            ])
    }

    @Test("required keys are reported at the entry that lacks them")
    func requiredKeys() {
        expectDiagnostics(
            """
            version: 1
            types:
              1️⃣Token: {description: Nothing else.}
              Pair:
                fields:
                  2️⃣first: {description: No type.}
            commands:
              3️⃣RegisterUser: {description: Register.}
            queries:
              4️⃣GetUser: {category: auth, description: Get.}
            """, rules: [],
            [
                .error("1️⃣", "type 'Token' needs 'fields' (a struct) or 'cases' (an enumeration)"),
                .error("2️⃣", "field 'first' of type 'Pair' has no 'type'"),
                .error("3️⃣", "command 'RegisterUser' has no 'category'"),
                .error("4️⃣", "query 'GetUser' has no 'result'; a query must say what it returns"),
            ])
    }

    @Test("a type has fields or cases, not both")
    func fieldsOrCases() {
        expectDiagnostics(
            """
            version: 1
            types:
              Kind:
                fields: {a: Int}
                1️⃣cases: {a: }
              Other:
                cases:
                  a: 2️⃣[x]
                  b: {value: x, 3️⃣label: y}
            """, rules: [],
            [
                .error("1️⃣", "type 'Kind' has both 'fields' and 'cases'; a type is either a struct or an enumeration"),
                .error("2️⃣", "case 'a' of type 'Other' must be a raw value or a mapping with 'value', not a list"),
                .error("3️⃣", "unknown key 'label' in case 'b' of type 'Other'; expected 'value', 'description'"),
            ])
    }

    @Test("booleans are true or false, written plainly; YAML 1.1's yes and no are refused")
    func booleans() {
        expectDiagnostics(
            """
            version: 1
            commands:
              RegisterUser:
                category: auth
                description: Register.
                emitsEvents: 1️⃣yes
                requiresTransaction: 2️⃣"false"
            queries:
              ListUsers:
                category: auth
                description: List.
                result: UUID
            """, rules: [],
            [
                .error("1️⃣", "'emitsEvents' of 'RegisterUser' must be true or false, not 'yes'"),
                .error("2️⃣", "'requiresTransaction' of 'RegisterUser' must be true or false, not 'false'"),
            ])
    }

    @Test("choices list what is allowed and suggest the nearest")
    func choices() {
        expectDiagnostics(
            """
            version: 1
            dependencies:
              app:
                EventBus: {kind: 1️⃣protocl}
            queries:
              GetUser:
                category: auth
                description: Get.
                result: UUID
                cachePolicy: 2️⃣forever
              GetOther:
                category: auth
                description: Get.
                result: UUID
                cachePolicy: 3️⃣shrot
            """, rules: [],
            [
                .error("1️⃣", "'kind' of dependency 'EventBus' must be one of 'protocol', 'concrete', not 'protocl'; did you mean 'protocol'?"),
                .error("2️⃣", "'cachePolicy' of query 'GetUser' must be one of 'none', 'short', 'medium', 'long', 'aggressive', not 'forever'"),
                .error("3️⃣", "'cachePolicy' of query 'GetOther' must be one of 'none', 'short', 'medium', 'long', 'aggressive', not 'shrot'; did you mean 'short'?"),
            ])
    }

    @Test("type syntax errors point at the exact character, also inside quotes")
    func typeSyntax() {
        expectDiagnostics(
            """
            version: 1
            types:
              Box:
                fields:
                  a: "Map<String1️⃣"
                  b: "[String2️⃣"
                  c: '[String: 3️⃣]'
                  d: 4️⃣9Lives
                  e: String5️⃣]
                  f: "6️⃣"
            """, rules: [],
            [
                .error("1️⃣", "invalid type 'Map<String' for field 'a' of type 'Box': expected '>' to close '<' after 'Map'"),
                .error("2️⃣", "invalid type '[String' for field 'b' of type 'Box': expected ']' to close '['"),
                .error("3️⃣", "invalid type '[String: ]' for field 'c' of type 'Box': expected a type name, found ']'"),
                .error("4️⃣", "invalid type '9Lives' for field 'd' of type 'Box': a type name cannot start with a digit"),
                .error("5️⃣", "invalid type 'String]' for field 'e' of type 'Box': unexpected ']' after the type 'String'"),
                .error("6️⃣", "invalid type '' for field 'f' of type 'Box': expected a type"),
            ])
    }

    @Test("dependency scopes are 'request' and 'app'")
    func dependencyScopes() {
        expectDiagnostics("version: 1\ndependencies:\n  1️⃣requests: {}\n  2️⃣singletons: {}\n", rules: [], [
            .error("1️⃣", "unknown key 'requests' in 'dependencies'; did you mean 'request'?"),
            .error("2️⃣", "unknown key 'singletons' in 'dependencies'; expected 'request', 'app'"),
        ])
    }

    @Test("pagination is a style, or a style with the fields that carry each part of the page")
    func pagination() {
        expectDiagnostics(
            """
            version: 1
            queries:
              ListA: {category: a, description: A., result: UUID, pagination: 1️⃣offest}
              ListB: {category: a, description: B., result: UUID, pagination: {style: page, 2️⃣limit: top, 3️⃣sise: n}}
              ListC: {category: a, description: C., result: UUID, 4️⃣pagination: {size: n}}
              ListD: {category: a, description: D., result: UUID, 5️⃣paginated: true}
            """, rules: [],
            [
                .error("1️⃣", "the style of 'pagination' of query 'ListA' must be one of 'offset', 'page', 'cursor', not 'offest'; did you mean 'offset'?"),
                .error("2️⃣", "'limit' is not part of the 'page' style, whose fields are 'page' and 'size'"),
                .error("3️⃣", "unknown key 'sise' in 'pagination' of query 'ListB'; did you mean 'size'?"),
                .error("4️⃣", "'pagination' of query 'ListC' has no 'style' (offset, page or cursor)"),
                .error("5️⃣", "'paginated' is not allowed in query 'ListD': write 'pagination: offset' (or 'page', or 'cursor'), naming the fields that carry the page if they differ"),
            ])
    }
}
