import Foundation
import Testing

/// `cqrs-gen scaffold`: a handler file for every operation without one, that compiles against the generated code as
/// it is, and never a file overwritten.
@Suite("Scaffolding handlers", .serialized)
struct ScaffoldTests {
    /// The every-feature application without its handlers: the dependency types and the two scopes only.
    static let application = """
        import CQRS
        import Foundation

        protocol UserRepository: Sendable {}
        struct AuditLog: Sendable {}
        protocol EventBus: Sendable {}

        struct Request: RequestDependencies {
            struct Users: UserRepository {}
            let userRepository: any UserRepository = Users()
            let audit = AuditLog()
        }

        struct Singletons: AppDependencies {
            struct Bus: EventBus {}
            let eventBus: any EventBus = Bus()
        }

        /// Runs no step: the scaffolded handlers run none.
        struct NoSteps: OperationStepRunner {
            func run<C: DispatchableCommand>(_ command: C) async -> Result<C.Output, OperationError> { .failure(.notImplemented("steps")) }
            func run<Q: DispatchableQuery>(_ query: Q) async -> Result<Q.Output, OperationError> { .failure(.notImplemented("steps")) }
        }

        func exercise() async -> String? {
            let factory = HandlerFactory(request: Request(), app: Singletons(), events: EventRecorder(), steps: NoSteps())
            if case .failure(let error) = await factory.registerUserHandler().handle(RegisterUser(email: "a@b.c", protocol: 1)) {
                return error.code
            }
            return nil
        }
        """

    @Test("every missing handler gets a file that compiles as it is; a second run writes nothing")
    func scaffoldsMissingHandlers() throws {
        let folder = try CLITests.folder(with: ["spec.yaml": GeneratedCodeCompilesTests.spec, "App/Application.swift": Self.application])
        let run = try CLITests.run(["scaffold", "spec.yaml", "--sources", "App"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == """
            wrote App/Auth/RegisterUserHandler.swift
            wrote App/Import/FileImporter.swift
            wrote App/Auth/RegisterAndListHandler.swift
            wrote App/DataSync/ListTokensHandler.swift
            wrote App/DataSync/GetTokenOfKindHandler.swift
            5 handlers scaffolded, 0 already there.

            """)
        let handler = try String(contentsOf: folder.appendingPathComponent("App/Auth/RegisterUserHandler.swift"), encoding: .utf8)
        #expect(handler.contains("""
            /// Scaffolded by `cqrs-gen scaffold` from spec.yaml:30; the file is yours to edit.
            struct RegisterUserHandler: RegisterUserHandling {
                let userRepository: any UserRepository
                let audit: AuditLog
                let eventBus: any EventBus
                /// The only events this handler can publish: the ones the spec lists for ``RegisterUser``.
                let events: RegisterUserEvents

                func handle(_ command: RegisterUser) async -> Result<Token, OperationError> {
                    .failure(.notImplemented("RegisterUser"))
                }
            }
            """))
        let composite = try String(contentsOf: folder.appendingPathComponent("App/Auth/RegisterAndListHandler.swift"), encoding: .utf8)
        #expect(composite.contains("""
            struct RegisterAndListHandler: RegisterAndListHandling {
                /// The only operations this handler can run: the ones the spec lists for ``RegisterAndList`` under `runs`.
                let steps: RegisterAndListSteps

                func handle(_ command: RegisterAndList) async -> Result<[Token], OperationError> {
                    .failure(.notImplemented("RegisterAndList"))
                }
            }
            """), "\(composite)")

        _ = try CLITests.run(["generate", "spec.yaml", "--output", "App/Generated", "--quiet", "--no-catalogue"], in: folder)
        let typecheck = try GeneratedCodeCompilesTests.swiftcTypecheck(folder, module: "ScaffoldedApp")
        #expect(typecheck.status == 0, "\(typecheck.standardError)")

        let again = try CLITests.run(["scaffold", "spec.yaml", "--sources", "App"], in: folder)
        #expect(again.standardOutput == "0 handlers scaffolded, 5 already there.\n")
    }

    @Test("a handler declared anywhere under the folder counts; a file in the way is never overwritten")
    func neverOverwrites() throws {
        let mine = "// My own notes.\n"
        let folder = try CLITests.folder(with: [
            "spec.yaml": GeneratedCodeCompilesTests.spec,
            "App/Deep/Down/Importer.swift": "final class FileImporter {}\n// struct ListTokensHandler, in a comment, does not count\n",
            "App/DataSync/ListTokensHandler.swift": mine,
        ])
        let run = try CLITests.run(["scaffold", "spec.yaml", "--sources", "App"], in: folder)
        #expect(run.status == 0)
        #expect(run.standardOutput == """
            wrote App/Auth/RegisterUserHandler.swift
            wrote App/Auth/RegisterAndListHandler.swift
            wrote App/DataSync/GetTokenOfKindHandler.swift
            3 handlers scaffolded, 1 already there.

            """)
        #expect(run.standardError == "warning: App/DataSync/ListTokensHandler.swift exists but does not declare its handler; left as it is\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("App/DataSync/ListTokensHandler.swift"), encoding: .utf8) == mine)
        let dryRun = try CLITests.run(["scaffold", "spec.yaml", "--sources", "Elsewhere", "--dry-run"], in: folder)
        #expect(dryRun.standardOutput.hasPrefix("would write Elsewhere/Auth/RegisterUserHandler.swift (RegisterUserHandler)\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Elsewhere").path))
    }
}
