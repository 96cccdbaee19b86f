import CQRSGenCore
import Foundation
import Testing

/// The generated Swift compiles, warning-free under Swift 6's strict concurrency, against the CQRS runtime; and when
/// the application's handlers do not match the spec, the compiler's error points at the spec.
@Suite("Generated code compiles", .serialized)
struct GeneratedCodeCompilesTests {
    /// A spec that exercises what the generator must get right: keywords as field names, `self`, enumerations,
    /// nested collections, defaults of every kind, renamed handlers, both scopes and both kinds of dependency. It is
    /// also a reference fixture, whose expected output the core tests compare.
    static let spec = try! String(
        contentsOf: CLITests.packageRoot.appendingPathComponent("Tests/CQRSGenCoreTests/Fixtures/Generation/every-feature/spec.yaml"),
        encoding: .utf8)

    /// The application side: dependency protocols and one handler per operation.
    static let application = """
        import CQRS
        import Foundation

        protocol UserRepository: Sendable {}
        struct AuditLog: Sendable {}
        protocol EventBus: Sendable {}

        struct RegisterUserHandler: RegisterUserHandling {
            let userRepository: any UserRepository
            let audit: AuditLog
            let eventBus: any EventBus
            let events: RegisterUserEvents
            func handle(_ command: RegisterUser) async -> Result<Token, OperationError> {
                events.publish(UserRegistered(email: command.email, token: "secret", protocol: command.protocol))
                return await events.signup(SignupAttempted(email: command.email)) { token in
                    SignupSucceeded(email: command.email, id: token.id)
                } work: {
                    .success(Token())
                }
            }
        }

        struct FileImporter: ImportFileHandling {
            func handle(_ command: ImportFile) async -> Result<Void, OperationError> { .success(()) }
        }

        struct RegisterAndListHandler: RegisterAndListHandling {
            let steps: RegisterAndListSteps
            func handle(_ command: RegisterAndList) async -> Result<[Token], OperationError> {
                switch await steps.run(RegisterUser(email: command.email, protocol: 1)) {
                case .failure(let error): return .failure(error)
                case .success: return await steps.run(ListTokens())
                }
            }
        }

        struct ListTokensHandler: ListTokensHandling {
            let userRepository: any UserRepository
            func handle(_ query: ListTokens) async -> Result<[Token], OperationError> { .success([]) }
        }

        struct GetTokenOfKindHandler: GetTokenOfKindHandling {
            func handle(_ query: GetTokenOfKind) async -> Result<Token, OperationError> { .success(Token(kind: query.kind)) }
        }

        struct Request: RequestDependencies {
            struct Users: UserRepository {}
            let userRepository: any UserRepository = Users()
            let audit = AuditLog()
        }

        struct Singletons: AppDependencies {
            struct Bus: EventBus {}
            let eventBus: any EventBus = Bus()
        }

        /// Runs each step with a factory of its own, around the same recorder.
        struct Steps: OperationStepRunner {
            let recorder: EventRecorder<DomainEvent>
            func run<C: DispatchableCommand>(_ command: C) async -> Result<C.Output, OperationError> {
                await C.handle(command, with: HandlerFactory(request: Request(), app: Singletons(), events: recorder, steps: self))
            }
            func run<Q: DispatchableQuery>(_ query: Q) async -> Result<Q.Output, OperationError> {
                await Q.handle(query, with: HandlerFactory(request: Request(), app: Singletons(), events: recorder, steps: self))
            }
        }

        func exercise() async -> Bool {
            let recorder = EventRecorder<DomainEvent>()
            let factory = HandlerFactory(request: Request(), app: Singletons(), events: recorder, steps: Steps(recorder: recorder))
            let token = try? await factory.registerUserHandler().handle(RegisterUser(email: "a@b.c", protocol: 1)).get()
            let tokens = try? await factory.registerAndListHandler().handle(RegisterAndList(email: "a@b.c")).get()
            return token?.kind == .fancy && tokens == [] && OperationRegistry.shared.statistics.totalOperations == 5
                && OperationCategory.import.rawValue == "import" && DomainEventName.import.rawValue == "Import"
                && recorder.drain().map { $0.name } == [.userRegistered, .signupAttempted, .signupSucceeded, .userRegistered, .signupAttempted, .signupSucceeded]
                && DomainEvent.userRegistered(UserRegistered(email: "a", token: "t", protocol: 1)).emailEvent != nil
        }
        """

    /// Generic types, Int enumerations, keyword-named cases as defaults and every pagination style, generated
    /// public by the configuration beside the spec, with handlers that stay internal.
    static let genericFixture = CLITests.packageRoot.appendingPathComponent("Tests/CQRSGenCoreTests/Fixtures/Generation/public-generic")

    static let genericApplication = """
        import CQRS
        import Foundation

        public protocol TodoStore: Sendable {}

        struct FrobnicateTodosHandler: FrobnicateTodosHandling {
            let todoStore: any TodoStore
            func handle(_ command: FrobnicateTodos) async -> Result<Page<Brief>, OperationError> {
                .success(Page(items: [Brief(title: "a")], total: 1))
            }
        }

        struct ListByOffsetHandler: ListByOffsetHandling {
            let todoStore: any TodoStore
            func handle(_ query: ListByOffset) async -> Result<Page<Brief>, OperationError> { .success(Page(items: [], total: 0)) }
        }

        struct GetByPageNumberHandler: GetByPageNumberHandling {
            let todoStore: any TodoStore
            func handle(_ query: GetByPageNumber) async -> Result<Page<Brief>, OperationError> { .success(Page(items: [], total: 0)) }
        }

        struct FindAfterCursorHandler: FindAfterCursorHandling {
            let todoStore: any TodoStore
            func handle(_ query: FindAfterCursor) async -> Result<Pair<[Brief], String?>, OperationError> {
                .success(Pair(first: [], second: nil))
            }
        }

        func requests() -> [PageRequest] {
            [ListByOffset().pageRequest, GetByPageNumber().pageRequest, FindAfterCursor(after: nil, first: 5).pageRequest]
        }
        """

    static var modules: URL { CLITests.executable.deletingLastPathComponent().appendingPathComponent("Modules") }

    /// Generates the spec into a folder with the application, then type-checks them together as one module.
    static func typecheck(spec: String, application: String) throws -> CLITests.Run {
        let folder = try CLITests.folder(with: ["spec.yaml": spec, "App/Application.swift": application])
        let generate = try CLITests.run(["generate", "spec.yaml", "--output", "App", "--quiet"], in: folder)
        try #require(generate.status == 0, "\(generate.standardError)")
        return try swiftcTypecheck(folder, module: "GeneratedApp")
    }

    /// Type-checks every Swift file under `folder/App` as one module against the CQRS runtime, under Swift 6 with
    /// warnings as errors.
    static func swiftcTypecheck(_ folder: URL, module: String) throws -> CLITests.Run {
        let sources = try #require(FileManager.default.subpaths(atPath: folder.appendingPathComponent("App").path))
            .filter { $0.hasSuffix(".swift") }.sorted().map { "App/" + $0 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-typecheck", "-swift-version", "6", "-warnings-as-errors", "-parse-as-library",
                             "-module-name", module, "-I", modules.path] + sources
        process.currentDirectoryURL = folder
        let error = Pipe()
        process.standardError = error
        process.standardOutput = Pipe()
        try process.run()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLITests.Run(status: process.terminationStatus, standardOutput: "", standardError: String(decoding: errorData, as: UTF8.self))
    }

    @Test("a spec using every feature generates Swift that compiles with warnings as errors")
    func compiles() throws {
        let run = try Self.typecheck(spec: Self.spec, application: Self.application)
        #expect(run.status == 0, "\(run.standardError)")
    }

    @Test("split into shards by the configuration, the same spec compiles, and a second run writes nothing")
    func shardedCompiles() throws {
        let folder = try CLITests.folder(with: [
            "spec.yaml": Self.spec, "cqrs-gen-config.yaml": "outputShards: 3\n", "App/Application.swift": Self.application,
        ])
        let generate = try CLITests.run(["generate", "spec.yaml", "--output", "App", "--no-catalogue"], in: folder)
        try #require(generate.status == 0, "\(generate.standardError)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("App").path)
        #expect(Set(written) == Set(CQRSGenContract.swiftFileNames(shards: 3) + ["Application.swift"]))
        let run = try Self.swiftcTypecheck(folder, module: "ShardedApp")
        #expect(run.status == 0, "\(run.standardError)")
        let again = try CLITests.run(["generate", "spec.yaml", "--output", "App", "--no-catalogue"], in: folder)
        #expect(again.standardOutput.contains("0 written, \(CQRSGenContract.swiftFileNames(shards: 3).count) unchanged"))
    }

    @Test("generic types, Int enumerations, keyword-named default cases and every page style compile public, with internal handlers")
    func genericPublicCompiles() throws {
        let spec = try String(contentsOf: Self.genericFixture.appendingPathComponent("spec.yaml"), encoding: .utf8)
        let configuration = try String(contentsOf: Self.genericFixture.appendingPathComponent("cqrs-gen-config.yaml"), encoding: .utf8)
        let folder = try CLITests.folder(with: [
            "spec.yaml": spec, "cqrs-gen-config.yaml": configuration, "App/Application.swift": Self.genericApplication,
        ])
        let generate = try CLITests.run(["generate", "spec.yaml", "--output", "App", "--quiet", "--sources", "App"], in: folder)
        try #require(generate.status == 0, "\(generate.standardError)")
        let operations = try String(contentsOf: folder.appendingPathComponent("App/CQRSOperations.swift"), encoding: .utf8)
        #expect(operations.contains("public struct GetByPageNumber: PaginatedQuery {"))
        let run = try Self.swiftcTypecheck(folder, module: "GenericApp")
        #expect(run.status == 0, "\(run.standardError)")
    }

    @Test("given the sources, the generator reports each missing handler and dependency protocol once, at the spec")
    func missingDeclarationsAtTheSpec() throws {
        let spec = try String(contentsOf: Self.genericFixture.appendingPathComponent("spec.yaml"), encoding: .utf8)
        let application = Self.genericApplication
            .replacingOccurrences(of: "public protocol TodoStore: Sendable {}", with: "")
            .replacingOccurrences(of: "struct ListByOffsetHandler:", with: "struct OffsetLister:")
        let configuration = try String(contentsOf: Self.genericFixture.appendingPathComponent("cqrs-gen-config.yaml"), encoding: .utf8)
        let folder = try CLITests.folder(with: [
            "spec.yaml": spec, "cqrs-gen-config.yaml": configuration, "App/Application.swift": application,
        ])
        let generate = try CLITests.run(["generate", "spec.yaml", "--output", "Out", "--sources", "App"], in: folder)
        #expect(generate.status == 1)
        #expect(generate.standardError == """
            spec.yaml:8:5: error: dependency 'TodoStore' is declared nowhere in App; declare 'protocol TodoStore' there, or give it 'kind: concrete' if it is a type from Foundation
            spec.yaml:46:3: error: no handler 'ListByOffsetHandler' for query 'ListByOffset' in App; write it, or run 'cqrs-gen scaffold --sources App' for a starting point
            2 errors generated.

            """)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))
    }

    @Test("a missing handler is one compiler error, at the spec line that lists the handler's dependencies")
    func missingHandler() throws {
        let application = Self.application.replacingOccurrences(of: "struct FileImporter: ImportFileHandling", with: "struct Renamed: ImportFileHandling")
        let run = try Self.typecheck(spec: Self.spec, application: application)
        #expect(run.status != 0)
        let errors = run.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        let line = try #require(Self.spec.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("handler: {name: FileImporter}") }) + 1
        #expect(errors == ["spec.yaml:\(line):16: error: cannot find 'FileImporter' in scope"])
    }

    @Test("a handler whose initialiser does not take the spec's dependencies is reported at the spec's dependency list")
    func mismatchedInitialiser() throws {
        let application = Self.application.replacingOccurrences(of: "    let audit: AuditLog\n", with: "")
        let run = try Self.typecheck(spec: Self.spec, application: application)
        #expect(run.status != 0)
        let errors = run.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("spec.yaml:35:") == true, "\(errors)")
        #expect(errors.first?.contains("extra argument 'audit' in call") == true, "\(errors)")
        // The excerpt under the error shows the spec's own line, quoted in the generated code above the directive.
        #expect(run.standardError.contains("// spec.yaml:35: handler: {dependencies: [UserRepository, AuditLog, EventBus]}"), "\(run.standardError)")
    }

    @Test("a handler that runs an operation its spec entry does not list under 'runs' does not compile")
    func unlistedStep() throws {
        let application = Self.application.replacingOccurrences(
            of: "case .success: return await steps.run(ListTokens())",
            with: "case .success: return await steps.run(GetTokenOfKind(kind: .plain)).map { [$0] }")
        let run = try Self.typecheck(spec: Self.spec, application: application)
        #expect(run.status != 0)
        let errors = run.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains("Application.swift") == true, "\(errors)")
        #expect(errors.first?.contains("GetTokenOfKind") == true, "\(errors)")
    }
}
