import CQRS
import CQRSGenCore
import Foundation
import Testing

@testable import App

/// Fails when the spec and the App disagree: the registry compiled into the App must be the spec's, and every handler
/// must take exactly the dependencies its spec entry lists, in order.
@Suite("The spec and the App agree")
struct SpecAgreementTests {
    static let specPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("spec/operations.yaml").path

    let spec: Spec

    init() throws {
        spec = try #require(try SpecLoader().load(contentsOf: Self.specPath).validSpec)
    }

    @Test("every operation is in the compiled registry with the spec's metadata, in spec order")
    func registryMatchesSpec() {
        let registry = OperationRegistry.shared
        #expect(registry.commands.map(\.name) == spec.commands.map(\.name))
        #expect(registry.queries.map(\.name) == spec.queries.map(\.name))
        for (entry, command) in zip(registry.commands, spec.commands) {
            #expect(entry.handlerName == command.handler.name.value)
            #expect(entry.category.rawValue == command.category.value)
            #expect(entry.resultTypeName == command.result?.expression?.description)
            #expect(entry.emitsEvents == command.commandTraits?.emitsEvents.value)
            #expect(entry.requiresTransaction == command.commandTraits?.requiresTransaction.value)
            #expect(entry.events == (command.commandTraits?.events?.value.map(\.value) ?? []))
            #expect(entry.description == command.description)
            #expect(entry.location.line == command.location.line)
        }
        for (entry, query) in zip(registry.queries, spec.queries) {
            #expect(entry.handlerName == query.handler.name.value)
            #expect(entry.category.rawValue == query.category.value)
            #expect(entry.resultTypeName == query.result?.expression?.description)
            #expect(entry.pagination?.style == query.queryTraits?.pagination?.style)
            #expect(entry.cachePolicy == query.queryTraits?.cachePolicy.value)
            #expect(entry.location.line == query.location.line)
        }
    }

    @Test("the App's statistics are cqrs-gen stats'")
    func statistics() {
        #expect(OperationRegistry.shared.statistics == RegistryStatistics(spec))
        #expect(RegistryListing.text(OperationRegistry.shared).hasSuffix(RegistryStatistics(spec).text()))
    }

    @Test("each handler the factory builds is the spec's, holding exactly the spec's dependencies in order")
    func handlersHoldTheirDependencies() throws {
        let handlers = TestApplication().handlers()
        let built = Self.everyHandler(handlers)
        #expect(Set(built.keys) == Set(spec.operations.map(\.name)), "the list below must name every operation")
        let properties = Dictionary(uniqueKeysWithValues: spec.dependencies.map { ($0.typeName, $0.propertyName.value) })
        for operation in spec.operations {
            let handler = try #require(built[operation.name])
            #expect(String(describing: type(of: handler)) == operation.handler.name.value)
            let stored = Mirror(reflecting: handler).children.compactMap(\.label)
            // A command that lists events holds, last, the value it publishes them through; one that runs others, the
            // value it runs them through.
            let events = operation.listsEvents ? ["events"] : []
            let steps = operation.runsOperations ? ["steps"] : []
            #expect(stored == operation.handler.dependencies.compactMap { properties[$0.value] } + events + steps, "\(operation.name)")
        }
    }

    /// One handler per operation, built through the generated factory.
    static func everyHandler<Request, App>(_ h: HandlerFactory<Request, App>) -> [String: any Sendable] {
        [
            "RegisterUser": h.registerUserHandler(), "AuthenticateUser": h.authenticateUserHandler(),
            "VerifyEmail": h.verifyEmailHandler(), "RefreshAccessToken": h.refreshAccessTokenHandler(),
            "RequestPasswordReset": h.requestPasswordResetHandler(), "ConfirmPasswordReset": h.confirmPasswordResetHandler(),
            "LogoutUser": h.logoutUserHandler(), "CreateSession": h.createSessionHandler(),
            "RevokeSession": h.revokeSessionHandler(), "RevokeAllUserSessions": h.revokeAllUserSessionsHandler(),
            "LinkRefreshTokenToSession": h.linkRefreshTokenToSessionHandler(),
            "RecordProviderAccess": h.recordProviderAccessHandler(), "UpdateSessionActivity": h.updateSessionActivityHandler(),
            "GenerateAuthTokens": h.generateAuthTokensHandler(),
            "TriggerGlobalTokenRotation": h.triggerGlobalTokenRotationHandler(),
            "TriggerUserTokenRotation": h.triggerUserTokenRotationHandler(), "ConnectProvider": h.connectProviderHandler(),
            "DisconnectProvider": h.disconnectProviderHandler(), "RefreshProviderTokens": h.refreshProviderTokensHandler(),
            "SyncAccounts": h.syncAccountsHandler(), "SyncTransactions": h.syncTransactionsHandler(),
            "SyncHoldings": h.syncHoldingsHandler(), "ImportFromFile": h.importFromFileHandler(),
            "LoginUser": h.loginUserHandler(), "LogoutCurrentSession": h.logoutCurrentSessionHandler(),
            "ConnectToProvider": h.connectToProviderHandler(), "SyncConnection": h.syncConnectionHandler(),
            "GetSession": h.getSessionHandler(), "ListUserSessions": h.listUserSessionsHandler(),
            "GetProviderConnection": h.getProviderConnectionHandler(),
            "ListProviderConnections": h.listProviderConnectionsHandler(), "GetAccount": h.getAccountHandler(),
            "ListAccountsByConnection": h.listAccountsByConnectionHandler(),
            "ListAccountsByUser": h.listAccountsByUserHandler(), "GetTransaction": h.getTransactionHandler(),
            "ListTransactionsByAccount": h.listTransactionsByAccountHandler(),
            "ListTransactionsByDateRange": h.listTransactionsByDateRangeHandler(),
            "ListSecurityTransactions": h.listSecurityTransactionsHandler(),
            "GetBalanceHistory": h.getBalanceHistoryHandler(),
            "GetLatestBalanceSnapshots": h.getLatestBalanceSnapshotsHandler(),
            "GetUserBalanceHistory": h.getUserBalanceHistoryHandler(),
            "ListBalanceSnapshotsByAccount": h.listBalanceSnapshotsByAccountHandler(), "GetHolding": h.getHoldingHandler(),
            "ListHoldingsByAccount": h.listHoldingsByAccountHandler(), "ListHoldingsByUser": h.listHoldingsByUserHandler(),
        ]
    }
}
