import Testing

@testable import CQRSGenCore

@Suite("Declarations: reserved names, one declaration per name, one property name per dependency")
struct DeclarationRuleTests {
    @Test("a declared name cannot be a Swift keyword or shadow a built-in type")
    func reservedNames() {
        expectDiagnostics(
            """
            version: 1
            dependencies:
              app:
                1️⃣URL:
            types:
              2️⃣Self: {fields: {a: Int}}
              3️⃣Type: {fields: {a: Int}}
              4️⃣UUID: {fields: {a: Int}}
            commands:
              5️⃣Protocol:
                category: auth
                description: X.
                handler: {name: 6️⃣Any}
            """, rules: [ReservedTypeNameRule()],
            [
                .error("1️⃣", "'URL' would shadow the built-in type 'URL'; choose another name"),
                .error("2️⃣", "'Self' is reserved in Swift and cannot name a declared type"),
                .error("3️⃣", "'Type' is reserved in Swift and cannot name a declared type"),
                .error("4️⃣", "'UUID' would shadow the built-in type 'UUID'; choose another name"),
                .error("5️⃣", "'Protocol' is reserved in Swift and cannot name a declared type"),
                .error("6️⃣", "'Any' is reserved in Swift and cannot name a declared type"),
            ])
    }

    @Test("a name is declared once across commands, queries, types, dependencies and handlers")
    func uniqueDeclarations() {
        expectDiagnostics(
            """
            version: 1
            dependencies:
              request:
                1️⃣UserRepository:
              app:
                2️⃣UserRepository:
            types:
              3️⃣GetUser: {fields: {a: Int}}
              5️⃣Token: {fields: {a: Int}}
            commands:
              RegisterUser:
                category: auth
                description: X.
                handler: {name: 6️⃣Token}
            queries:
              4️⃣GetUser:
                category: auth
                description: Y.
                result: UUID
            """, rules: [UniqueDeclarationRule()],
            [
                .error("2️⃣", "'UserRepository' is already declared as a request dependency", notes: [("1️⃣", "'UserRepository' is first declared here")]),
                .error("6️⃣", "handler 'Token' of command 'RegisterUser' has the name of a type", notes: [("5️⃣", "'Token' is declared here")]),
                .error("4️⃣", "'GetUser' is already declared as a type", notes: [("3️⃣", "'GetUser' is first declared here")]),
            ])
    }

    @Test("names the generated code declares or imports are reserved")
    func generatedNames() {
        expectDiagnostics(
            """
            version: 1
            types:
              1️⃣HandlerFactory: {fields: {a: Int}}
              2️⃣Registry: {fields: {a: Int}}
              4️⃣RegisterUserHandling: {fields: {a: Int}}
              5️⃣Result: {fields: {a: Int}}
              6️⃣PageRequest: {fields: {a: Int}}
            commands:
              3️⃣RegisterUser: {category: auth, description: X.}
            queries:
              ListUsers: {category: auth, description: X., result: UUID, fields: {7️⃣pageRequest: Int}}
              8️⃣DispatchableQuery: {category: auth, description: X., result: UUID}
            """, rules: [ReservedTypeNameRule(), UniqueDeclarationRule()],
            [
                .error("1️⃣", "'HandlerFactory' is a name the generated code declares or uses from CQRS, Swift or Foundation; choose another name"),
                .error("2️⃣", "'Registry' is a name the generated code declares or uses from CQRS, Swift or Foundation; choose another name"),
                .error("5️⃣", "'Result' is a name the generated code declares or uses from CQRS, Swift or Foundation; choose another name"),
                .error("6️⃣", "'PageRequest' is a name the generated code declares or uses from CQRS, Swift or Foundation; choose another name"),
                .error("3️⃣", "'RegisterUserHandling' is already declared as a type", notes: [("4️⃣", "'RegisterUserHandling' is first declared here")]),
                .error("7️⃣", "field 'pageRequest' of query 'ListUsers' would collide with the member the generated type declares under that name; choose another name"),
                .error("8️⃣", "'DispatchableQuery' is a name the generated code declares or uses from CQRS, Swift or Foundation; choose another name"),
            ])
    }

    @Test("a handler's default name counts too")
    func defaultHandlerNameCollides() {
        expectDiagnostics(
            """
            version: 1
            types:
              2️⃣RegisterUserHandler: {fields: {a: Int}}
            commands:
              1️⃣RegisterUser: {category: auth, description: X.}
            """, rules: [UniqueDeclarationRule()],
            [
                .error("1️⃣", "handler 'RegisterUserHandler' of command 'RegisterUser' has the name of a type", notes: [("2️⃣", "'RegisterUserHandler' is declared here")])
            ])
    }

    @Test("two dependencies cannot share a property name, whether given or derived")
    func uniquePropertyNames() {
        expectDiagnostics(
            """
            version: 1
            dependencies:
              request:
                UserRepository: {name: 1️⃣users}
                2️⃣Cache:
              app:
                AccountRepository: {name: 3️⃣users}
                LocalCache: {name: 4️⃣cache}
            """, rules: [UniquePropertyNameRule()],
            [
                .error("3️⃣", "dependencies 'UserRepository' and 'AccountRepository' both use the property name 'users'; give one of them another 'name'", notes: [("1️⃣", "'UserRepository' uses 'users' here")]),
                .error("4️⃣", "dependencies 'Cache' and 'LocalCache' both use the property name 'cache'; give one of them another 'name'", notes: [("2️⃣", "'Cache' uses 'cache' here")]),
            ])
    }

    @Test("default property names are the type name in lowerCamelCase", arguments: [
        ("UserRepository", "userRepository"), ("URLSession", "urlSession"), ("URL", "url"), ("Cache", "cache"),
        ("EventBus", "eventBus"), ("HTTPClient", "httpClient"), ("A", "a"),
    ])
    func defaultPropertyNames(typeName: String, propertyName: String) {
        #expect(DependencySpec.defaultPropertyName(for: typeName) == propertyName)
    }
}
