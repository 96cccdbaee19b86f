import Testing

@testable import CQRS
@testable import CQRSGenCore

/// The application's own spec, `spec/operations.yaml`: Dashtam's registry, as its handlers really behave.
@Suite("The real spec")
struct RealSpecTests {
    let spec: Spec

    init() throws {
        let outcome = try SpecLoader().load(contentsOf: PackageRoot.specPath)
        #expect(DiagnosticFormatter(path: "spec/operations.yaml").format(outcome.diagnostics) == "", "lint must pass with no warnings")
        spec = try #require(outcome.validSpec)
    }

    /// Dashtam's 23 commands, and 4 more: what its routes composed by hand (log in, log out, connect, sync) are
    /// commands here that run the others, so that they are registered, dispatched and routed like any.
    @Test("its statistics are Dashtam's, except where the registry misreported its handlers' results, two transactions and four composing commands; then its routes' and events'")
    func statistics() {
        #expect(RegistryStatistics(spec).text() == """
            total_commands: 27
            total_queries: 18
            total_operations: 45
            commands_by_category:
              auth: 9
              session: 6
              token: 3
              provider: 4
              data_sync: 4
              import: 1
            queries_by_category:
              session: 2
              provider: 2
              data_sync: 14
            commands_with_result_dto: 16
            commands_emitting_events: 20
            commands_requiring_transaction: 19
            paginated_queries: 13
            queries_by_cache_policy:
              short: 14
              medium: 4
            total_routes: 30
            routes_by_method:
              POST: 10
              DELETE: 3
              GET: 17
            public_routes: 6
            rate_limited_routes: 6
            deprecated_routes: 0
            total_events: 61
            total_workflows: 24
            events_by_category:
              authentication: 28
              session: 9
              provider: 9
              data_sync: 15
            events_by_phase:
              attempted: 18
              succeeded: 18
              failed: 18
              operational: 7
            logged_events: 61
            audited_events: 57
            email_events: 2
            session_events: 2
            """)
    }

    @Test("commands return what Dashtam's handlers really return")
    func trueResultTypes() {
        let results = Dictionary(uniqueKeysWithValues: spec.commands.map { ($0.name, $0.result?.expression?.description ?? "—") })
        #expect(results == [
            "RegisterUser": "UUID", "AuthenticateUser": "AuthenticatedUser", "VerifyEmail": "UUID",
            "RefreshAccessToken": "AuthTokens", "RequestPasswordReset": "PasswordResetRequestResponse",
            "ConfirmPasswordReset": "PasswordResetConfirmResponse", "LogoutUser": "LogoutResponse",
            "CreateSession": "CreateSessionResponse", "RevokeSession": "UUID", "RevokeAllUserSessions": "Int",
            "LinkRefreshTokenToSession": "—", "RecordProviderAccess": "—", "UpdateSessionActivity": "—",
            "GenerateAuthTokens": "AuthTokens", "TriggerGlobalTokenRotation": "GlobalRotationResult",
            "TriggerUserTokenRotation": "UserRotationResult", "ConnectProvider": "UUID", "DisconnectProvider": "—",
            "RefreshProviderTokens": "—", "SyncAccounts": "SyncAccountsResult", "SyncTransactions": "SyncTransactionsResult",
            "SyncHoldings": "SyncHoldingsResult", "ImportFromFile": "ImportResult",
            // Dashtam's routes composed these by hand.
            "LoginUser": "LoginResult", "LogoutCurrentSession": "LogoutResponse", "ConnectToProvider": "UUID",
            "SyncConnection": "ConnectionSyncResult",
        ])
    }

    @Test("every operation has its own handler: 45, where Dashtam's registry had 38 and its routes composed 4 by hand")
    func oneHandlerPerOperation() {
        let handlers = spec.operations.map(\.handler.name.value)
        #expect(Set(handlers).count == 45)
        let renamed = spec.operations.filter(\.handler.isNameExplicit).map { "\($0.name) → \($0.handler.name.value)" }
        #expect(renamed == ["RevokeAllUserSessions → RevokeAllSessionsHandler", "ListUserSessions → ListSessionsHandler"])
        for placeholder in ["LinkRefreshTokenToSession", "RecordProviderAccess", "UpdateSessionActivity"] {
            #expect(handlers.contains(placeholder + "Handler"))
        }
    }

    @Test("every query whose result holds a list is paginated: no answer of the App is unbounded")
    func listsArePaginated() {
        let types = Dictionary(uniqueKeysWithValues: spec.types.map { ($0.name, $0) })
        func holdsList(_ expression: TypeExpression?) -> Bool {
            switch expression {
            case .array: true
            case .named(let name): types[name]?.fields.contains { field in
                if case .array = field.type.expression { true } else { false }
            } ?? false
            default: false
            }
        }
        let unbounded = spec.queries.filter { holdsList($0.result?.expression) && $0.queryTraits?.pagination == nil }.map(\.name)
        #expect(unbounded == [])
        #expect(spec.queries.count { $0.queryTraits?.pagination != nil } == 13)
    }

    @Test("the metadata exceptions are where the catalogue puts them")
    func metadataExceptions() {
        // What Dashtam's routes composed by hand: commands that run others, each step with its own transaction and events.
        let composing = spec.commands.filter(\.runsOperations)
        #expect(composing.map(\.name) == ["LoginUser", "LogoutCurrentSession", "ConnectToProvider", "SyncConnection"])
        #expect(composing.allSatisfy { $0.commandTraits?.requiresTransaction.value == false && $0.commandTraits?.emitsEvents.value == false })
        #expect(composing.map(\.runNames) == [
            ["AuthenticateUser", "CreateSession", "GenerateAuthTokens"], ["LogoutUser", "RevokeSession"], ["ConnectProvider"],
            ["SyncAccounts", "SyncTransactions", "ListAccountsByConnection", "SyncHoldings"],
        ])
        let dashtams = spec.commands.filter { !$0.runsOperations }
        let silent = dashtams.filter { $0.commandTraits?.emitsEvents.value == false }.map(\.name)
        #expect(silent == ["LinkRefreshTokenToSession", "UpdateSessionActivity", "GenerateAuthTokens"])
        let withoutTransaction = dashtams.filter { $0.commandTraits?.requiresTransaction.value == false }.map(\.name)
        // Two are the App's own (Dashtam's catalogue runs them in a transaction): AuthenticateUser counts each attempt at
        // once, before the password's slow check, so that guesses sent together cannot pass the lockout; ImportFromFile
        // writes in batches, so that a large import lets other writers in between them.
        #expect(withoutTransaction == ["AuthenticateUser", "RecordProviderAccess", "UpdateSessionActivity", "ImportFromFile"])
        // Dashtam paginated two; every query that returns rows is paginated here (listsArePaginated).
        let paginated = spec.queries.filter { $0.queryTraits?.pagination?.style == .offset }.map(\.name)
        #expect(paginated.count == 13)
        let medium = spec.queries.filter { $0.queryTraits?.cachePolicy.value == .medium }.map(\.name)
        #expect(medium == ["GetTransaction", "ListTransactionsByDateRange", "GetBalanceHistory", "GetUserBalanceHistory"])
    }

    @Test("handlers take the dependencies the catalogue lists: 12 repositories and a verifier per request, 15 singletons")
    func dependencies() {
        #expect(spec.requestDependencies.count == 13)
        // Dashtam's event bus is no dependency: each command's handler publishes through the value its events allow.
        let uses = spec.operations.flatMap { $0.handler.dependencies.map(\.value) }
        let count = { (name: String) in uses.count { $0 == name } }
        // Dashtam's 14, and the wall clock: every handler that stamps or compares a date reads it, never the system's.
        #expect(spec.appDependencies.count == 15)
        #expect(count("WallClock") == 26)
        #expect(count("ProviderConnectionRepository") == 16)
        // The catalogue's frequency line says 13; its handler-by-handler table, which the spec follows, lists 12.
        #expect(count("AccountRepository") == 12)
        #expect(count("UserRepository") == 8)
        // Dashtam's 19 handlers that take an event bus, plus RecordProviderAccess, publish through their events value.
        #expect(count("EventBus") == 0)
        #expect(spec.commands.filter(\.listsEvents).count == 20)
        #expect(count("OwnershipVerifier") == 3)
        // Dashtam's nine, plus the session the App checks and revokes when a rotated token is reused, and the clock.
        let refresh = spec.commands.first { $0.name == "RefreshAccessToken" }
        #expect(refresh?.handler.dependencies.map(\.value) == [
            "UserRepository", "RefreshTokenRepository", "SecurityConfigRepository", "TokenGenerator", "RefreshTokenService",
            "Cache", "CacheKeys", "CacheMetrics", "SessionRepository", "SessionCache", "WallClock",
        ])
    }
}
