import Testing

@testable import CQRSGenCore

/// Small specs in, the exact Swift out: one concern each, as swift-openapi-generator's snippet tests.
@Suite("Generated Swift, snippet by snippet")
struct SnippetTests {
    static func generate(
        _ yaml: String, access: GeneratorOptions.AccessLevel = .internal, wireNames: GeneratorOptions.WireNames = .camelCase
    ) throws -> [String: String] {
        let outcome = SpecLoader().load(yaml)
        let spec = try #require(outcome.validSpec, "\(DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics))")
        let files = Generator(options: GeneratorOptions(accessLevel: access, specPath: "spec.yaml", wireNames: wireNames)).generate(spec)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
    }

    /// The text after the header (the first blank line after the imports).
    static func body(_ file: String?) -> String {
        guard let file, let range = file.range(of: "import Foundation\n\n") else { return "" }
        return String(file[range.upperBound...])
    }

    @Test("a route: defaults for status and idempotency, wire names as configured unless a binding names one")
    func route() throws {
        let files = try Self.generate("""
            version: 1
            categories: {items: Items.}
            commands:
              ArchiveItem:
                category: items
                description: Archive an item.
                fields: {itemId: UUID, userId: UUID, reasonCode: String?, dryRun: {type: Bool, default: false}}
                http:
                  route: DELETE /items/{itemId}
                  fields: {userId: caller, dryRun: {query: dry}}
            """, wireNames: .snakeCase)
        #expect(Self.body(files["CQRSRoutes.swift"]).contains("""
            // spec.yaml:8
            extension ArchiveItem: HTTPRoutable {
                /// `DELETE /items/{itemId}`, as the spec binds it.
                static let httpRoute = HTTPRoute<OperationCategory>(
                    operation: "ArchiveItem",
                    kind: .command,
                    category: .items,
                    method: .delete,
                    path: "/items/{itemId}",
                    successStatus: 204,
                    parameters: [
                        HTTPParameter(field: "itemId", source: .path("itemId"), isRequired: true),
                        HTTPParameter(field: "userId", source: .caller, isRequired: true),
                        HTTPParameter(field: "reasonCode", source: .query("reason_code"), isRequired: false),
                        HTTPParameter(field: "dryRun", source: .query("dry"), isRequired: false),
                    ],
                    errors: [:],
                    auth: .authenticated,
                    rateLimits: [],
                    isIdempotent: true,
                    deprecation: nil,
                    tags: ["items"],
                    summary: "Archive an item."
                )

                /// Builds the command from one request, each field from where its route binds it; every missing or
                /// unreadable field is named in the error.
                init(httpRequest request: some HTTPRequestValues) throws(HTTPBindingError) {
                    var reader = HTTPFieldReader(route: Self.httpRoute)
                    let _itemId = reader.value(0, in: request, expected: "a UUID") { UUID(uuidString: $0) }
                    let _userId = reader.value(1, in: request, expected: "a UUID") { UUID(uuidString: $0) }
                    let _reasonCode = reader.value(2, in: request, expected: "text") { $0 }
                    let _dryRun = reader.value(3, in: request, expected: "true or false") { Bool($0) }
                    try reader.finish()
                    self.init(itemId: _itemId!, userId: _userId!, reasonCode: _reasonCode, dryRun: _dryRun ?? false)
                }
            }
            """))
        #expect(Self.body(files["CQRSRoutes.swift"]).hasPrefix("""
            // MARK: - Route table

            /// Every operation the spec binds to an HTTP route, in spec order: what a server adapter serves.
            enum OperationRoutes {
                static let all: [HTTPRoute<OperationCategory>] = [
                    ArchiveItem.httpRoute,
                ]
            }
            """))
    }

    @Test("a route reading the caller's claims, the client's address and nothing; limits by address and by a field")
    func routeContextSources() throws {
        let files = try Self.generate("""
            version: 1
            categories: {items: Items.}
            commands:
              RequestReset:
                category: items
                description: Ask for a reset.
                fields: {email: String, sessionId: UUID?, address: String?, reason: {type: String, default: asked}}
                http:
                  route: POST /resets
                  status: 202
                  fields: {sessionId: {caller: session}, address: client, reason: default}
                  rateLimit:
                    - {requests: 3, per: minute}
                    - {requests: 5, per: hour, by: {field: email}}
            """)
        #expect(Self.body(files["CQRSRoutes.swift"]).contains("""
                    parameters: [
                        HTTPParameter(field: "email", source: .body("email"), isRequired: true),
                        HTTPParameter(field: "sessionId", source: .callerClaim("session"), isRequired: false),
                        HTTPParameter(field: "address", source: .clientAddress, isRequired: false),
                        HTTPParameter(field: "reason", source: .defaultValue, isRequired: false),
                    ],
                    errors: [:],
                    auth: .authenticated,
                    rateLimits: [
                        HTTPRateLimit(requests: 3, period: .minute, key: .address),
                        HTTPRateLimit(requests: 5, period: .hour, key: .field("email")),
                    ],
                    isIdempotent: false,
            """))
        #expect(Self.body(files["CQRSRoutes.swift"]).contains("""
                init(httpRequest request: some HTTPRequestValues) throws(HTTPBindingError) {
                    var reader = HTTPFieldReader(route: Self.httpRoute)
                    let _sessionId = reader.value(1, in: request, expected: "a UUID") { UUID(uuidString: $0) }
                    let _address = reader.value(2, in: request, expected: "text") { $0 }
                    let _body = reader.body(_HTTPBody.self, in: request)
                    try reader.finish()
                    self.init(email: _body!.email, sessionId: _sessionId, address: _address, reason: "asked")
                }

                /// The value of a field a rate limit of the route counts by.
                func httpRateLimitKey(_ field: String) -> String? {
                    switch field {
                    case "email": return self.email
                    default: return nil
                    }
                }
            """))
    }

    @Test("a struct: documented properties in spec order, defaults in the initialiser, keywords escaped")
    func structWithDefaults() throws {
        let files = try Self.generate("""
            version: 1
            types:
              Token:
                description: |
                  A token.
                  Second line, with */ and \\(interpolation).
                fields:
                  value: {type: String, description: The secret.}
                  default: {type: Int, default: 900}
                  self: {type: "[String]?", default: null}
                  kind: {type: Kind, default: fancy}
              Kind:
                cases:
                  plain:
                  fancy: fancy_kind
            """)
        #expect(Self.body(files["CQRSTypes.swift"]) == #"""
            // spec.yaml:3
            /// A token.
            /// Second line, with */ and \(interpolation).
            struct Token: Sendable, Hashable, Codable {
                /// The secret.
                let value: String
                let `default`: Int
                let `self`: [String]?
                let kind: Kind

                init(value: String, `default`: Int = 900, `self` _self: [String]? = nil, kind: Kind = .fancy) {
                    self.value = value
                    self.`default` = `default`
                    self.`self` = _self
                    self.kind = kind
                }
            }

            // spec.yaml:12
            enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
                case plain
                case fancy = "fancy_kind"
            }

            """#)
    }

    @Test("string defaults and enum raw values are escaped literals, never pasted text")
    func stringsAreEscaped() throws {
        let files = try Self.generate(#"""
            version: 1
            types:
              Box:
                fields:
                  a: {type: String, default: "quote \" backslash \\ interpolation \\(x) newline \n tab \t"}
                  b: {type: "[String: Int]", default: {"k\"": 1}}
              Weird:
                cases:
                  odd: "a\"b\\c"
            """#)
        let body = Self.body(files["CQRSTypes.swift"])
        #expect(body.contains(#"a: String = "quote \" backslash \\ interpolation \\(x) newline \n tab \t""#))
        #expect(body.contains(#"b: [String: Int] = ["k\"": 1]"#))
        #expect(body.contains(#"case odd = "a\"b\\c""#))
    }

    @Test("Foundation defaults are built exactly")
    func foundationDefaults() throws {
        let files = try Self.generate("""
            version: 1
            types:
              Box:
                fields:
                  a: {type: Decimal, default: 0.1}
                  b: {type: Decimal, default: -2.5e3}
                  c: {type: UUID, default: 123e4567-e89b-12d3-a456-426614174000}
                  d: {type: Date, default: "2024-01-31T12:00:00.5+01:00"}
                  e: {type: Date, default: "1969-12-31T23:59:59.5Z"}
                  f: {type: URL, default: "https://example.com/a"}
                  g: {type: Data, default: aGk=}
                  h: {type: Double, default: +1.5}
                  i: {type: "[String: [Int]]", default: {}}
            """)
        let body = Self.body(files["CQRSTypes.swift"])
        for expected in [
            "a: Decimal = Decimal(sign: .plus, exponent: -1, significand: 1)",
            "b: Decimal = Decimal(sign: .minus, exponent: 2, significand: 25)",
            #"c: UUID = UUID(uuidString: "123e4567-e89b-12d3-a456-426614174000")!"#,
            "d: Date = Date(timeIntervalSince1970: 1706698800.5)",
            "e: Date = Date(timeIntervalSince1970: -1 + 0.5)",
            #"f: URL = URL(string: "https://example.com/a")!"#,
            #"g: Data = Data(base64Encoded: "aGk=")!"#,
            "h: Double = 1.5",
            "i: [String: [Int]] = [:]",
        ] {
            #expect(body.contains(expected), "\(expected)")
        }
    }

    @Test("an operation: its metadata documented, Output typed, and its handler named once under #sourceLocation")
    func operation() throws {
        let files = try Self.generate("""
            version: 1
            categories: {data_sync: Data., import: Imports.}
            dependencies:
              request: {AccountRepository: }
              app: {EventBus: , Clock: {kind: concrete, name: clock}}
            commands:
              ImportFile:
                category: import
                description: Import a file.
                handler:
                  dependencies: [AccountRepository, EventBus, Clock]
                events: [FileImported]
            queries:
              ListAccounts:
                category: data_sync
                description: List accounts.
                fields: {limit: {type: Int, default: 50}, offset: {type: Int, default: 0}}
                result: "[UUID]"
                pagination: offset
                cachePolicy: short
                handler: {name: AccountLister}
            """)
        #expect(Self.body(files["CQRSOperations.swift"]).contains("""
            // spec.yaml:7
            /// Import a file.
            ///
            /// - Category: `import`
            /// - Handler: `ImportFileHandler`
            /// - Emits events: `FileImported`
            /// - Runs in a transaction
            struct ImportFile: Command {
                typealias Output = Void

                init() {}
            }
            """))
        let handlers = Self.body(files["CQRSHandlers.swift"])
        #expect(handlers.contains("""
            // spec.yaml:14
            /// What the handler of ``ListAccounts`` conforms to: `AccountLister` in the application.
            protocol ListAccountsHandling: QueryHandler where Operation == ListAccounts, Output == [UUID] {}
            """))
        // The handler's type is named only in function bodies, never in a declaration another file must resolve.
        #expect(!handlers.contains("typealias Handler"))
        #expect(handlers.contains("""
                func importFileHandler() -> any ImportFileHandling {
                    if let override = overrides.importFile {
                        return override(self)
                    }
                    return importFileHandlerFromSpec()
                }

                /// Builds the handler the spec names for ``ImportFile``, whatever the overrides: as an opaque type, not an
                /// existential, so that dispatch calls it directly, without boxing it.
                func importFileHandlerFromSpec() -> some ImportFileHandling {
                    // spec.yaml:11: dependencies: [AccountRepository, EventBus, Clock]
            #sourceLocation(file: "spec.yaml", line: 11)
                    return ImportFileHandler(accountRepository: request.accountRepository, eventBus: app.eventBus, clock: app.clock)
            #sourceLocation()
                }
            """))
        // Dispatch reaches every handler through one generic entry point per operation: the override when a test set
        // one, the spec's handler, unboxed, otherwise.
        #expect(handlers.contains("""
            extension ImportFile: DispatchableCommand {
                @inline(__always) static func handle<Request, App>(_ command: ImportFile, with factory: HandlerFactory<Request, App>) async -> Result<Void, OperationError> {
                    if let override = factory.overrides.importFile {
                        return await override(factory).handle(command)
                    }
                    return await factory.importFileHandlerFromSpec().handle(command)
                }
            }
            """))
        #expect(Self.body(files["CQRSOperations.swift"]).contains("struct ListAccounts: PaginatedQuery {"))
        // The spec's own line stands just above each directive, so that a compiler excerpt there shows it.
        #expect(Self.body(files["CQRSDependencies.swift"]).contains("""
                // spec.yaml:5: app: {EventBus: , Clock: {kind: concrete, name: clock}}
            #sourceLocation(file: "spec.yaml", line: 5)
                var clock: Clock { get }
            #sourceLocation()
            """))
        let registry = Self.body(files["CQRSRegistry.swift"])
        #expect(registry.contains("    case dataSync = \"data_sync\"\n"))
        #expect(registry.contains("    case `import`\n"))
        #expect(registry.contains("    case fileImported = \"FileImported\"\n"))
        #expect(registry.contains("        handlerType: AccountLister.self,\n"))
        #expect(registry.contains("    static let metadata: QueryMetadata<OperationCategory> = QueryMetadata(\n"))
        #expect(registry.contains("        cachePolicy: .short,\n"))
    }

    @Test("an empty registry still compiles: uninhabited enums carry their raw values by hand")
    func emptySpec() throws {
        let files = try Self.generate("version: 1\n")
        let registry = Self.body(files["CQRSRegistry.swift"])
        #expect(registry.contains("""
            enum OperationCategory: RegistryCategory {
                init?(rawValue: String) { nil }
                var rawValue: String { switch self {} }
            }
            """))
        #expect(registry.contains("static let commands: [CommandMetadata<OperationCategory>] = [\n    ]"))
        #expect(Generator().fileNames.allSatisfy { files[$0] != nil })
    }

    @Test("the catalogue: each operation under its category, its facts, a table of fields, then the statistics")
    func catalogue() throws {
        let files = try Self.generate("""
            version: 1
            categories: {session: Sessions., auth: Log in and out.}
            dependencies:
              request: {SessionRepository: {description: Sessions.}}
              app: {EventBus: {description: Events.}}
            commands:
              RevokeSession:
                category: session
                description: "Revoke one session\\nof a user."
                fields:
                  sessionId: UUID
                  reason: {type: String, default: "log`out", description: "Why | for the audit <log>."}
                handler: {dependencies: [SessionRepository, EventBus]}
                events: [SessionRevoked]
            queries:
              ListSessions:
                category: session
                description: List sessions.
                fields: {limit: {type: Int, default: 50}, offset: {type: Int, default: 0}}
                result: "[UUID]"
                pagination: offset
                cachePolicy: short
                handler: {dependencies: [SessionRepository]}
            """)
        let catalogue = try #require(files["OPERATIONS.md"])
        #expect(catalogue.hasPrefix("<!-- Generated by cqrs-gen from spec.yaml. Do not edit"))
        #expect(catalogue.contains("""
            1 command and 1 query in 2 categories, from `spec.yaml`.

            ## session

            Sessions.

            ### RevokeSession (command)

            Revoke one session of a user.

            - Spec: `spec.yaml:7`
            - Result: `Void`
            - Handler: `RevokeSessionHandler`, with `SessionRepository` (request), `EventBus` (app)
            - Transaction: yes
            - Events: `SessionRevoked`

            | field | type | default | description |
            |---|---|---|---|
            | `sessionId` | `UUID` |  |  |
            | `reason` | `String` | `` "log`out" `` | Why \\| for the audit &lt;log>. |

            ### ListSessions (query)

            List sessions.

            - Spec: `spec.yaml:16`
            - Result: `[UUID]`
            - Handler: `ListSessionsHandler`, with `SessionRepository` (request)
            - Paginated: offset (`limit`, `offset`)
            - Cache policy: `short`
            """))
        #expect(!catalogue.contains("## auth"), "a category without operations has no section")
        #expect(catalogue.hasSuffix("""
            | `paginated_queries` | 1 |
            | `queries_by_cache_policy` | short 1 |
            | `total_routes` | 0 |
            | `routes_by_method` | none |
            | `public_routes` | 0 |
            | `rate_limited_routes` | 0 |
            | `deprecated_routes` | 0 |
            | `total_events` | 0 |
            | `total_workflows` | 0 |
            | `events_by_category` | none |
            | `events_by_phase` | none |
            | `logged_events` | 0 |
            | `audited_events` | 0 |
            | `email_events` | 0 |
            | `session_events` | 0 |

            """))
    }

    @Test("public access reaches every declaration a client uses")
    func publicAccess() throws {
        let files = try Self.generate("""
            version: 1
            categories: {auth: A.}
            commands:
              RegisterUser: {category: auth, description: X., fields: {email: String}}
            """, access: .public)
        let operations = Self.body(files["CQRSOperations.swift"])
        #expect(operations.contains("public struct RegisterUser: Command {"))
        #expect(operations.contains("    public typealias Output = Void"))
        #expect(operations.contains("    public let email: String"))
        #expect(operations.contains("    public init(email: String) {"))
        #expect(Self.body(files["CQRSHandlers.swift"]).contains(
            "public struct HandlerFactory<Request: RequestDependencies, App: AppDependencies>: Sendable {"))
        #expect(Self.body(files["CQRSRegistry.swift"]).contains("public enum OperationRegistry {"))
    }

    @Test("every file starts with the header reviewers and tools look for")
    func header() throws {
        let files = try Self.generate("version: 1\n")
        for name in Generator.swiftFileNames {
            let lines = try #require(files[name]).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[0].hasPrefix("// Generated by cqrs-gen from spec.yaml: "))
            #expect(lines[1] == "// Do not edit. Change the spec, then build; refresh Generated/ with")
            #expect(lines[3] == "// swift-format-ignore-file")
            #expect(lines[4] == "// swiftlint:disable all")
        }
    }
}
