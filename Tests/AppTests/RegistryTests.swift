import CQRS
import Foundation
import Testing

@testable import App

/// The views of the registry compiled into the App: Dashtam's `computed_views`, from generated arrays.
@Suite("The compiled registry")
struct RegistryTests {
    let registry = OperationRegistry.shared

    @Test("all commands and queries, in spec order")
    func allOperations() {
        #expect(registry.allCommandTypes.count == 27)
        #expect(registry.allQueryTypes.count == 18)
        #expect(registry.commands.first?.name == "RegisterUser")
        #expect(registry.commands.last?.name == "ImportFromFile")
        #expect(registry.queries.first?.name == "GetSession")
        #expect(registry.queries.last?.name == "ListHoldingsByUser")
    }

    @Test("operations by category")
    func byCategory() {
        #expect(OperationCategory.allCases.map { registry.commands(in: $0).count } == [9, 6, 3, 4, 4, 1])
        #expect(OperationCategory.allCases.map { registry.queries(in: $0).count } == [0, 2, 0, 2, 14, 0])
        #expect(OperationCategory.dataSync.rawValue == "data_sync")
        #expect(OperationCategory.import.rawValue == "import")
    }

    @Test("metadata for an operation type, and nil for a type the registry does not hold")
    func metadataLookup() throws {
        let register = try #require(registry.metadata(for: RegisterUser.self))
        #expect(register.category == .auth)
        #expect(ObjectIdentifier(register.handlerType) == ObjectIdentifier(RegisterUserHandler.self))
        #expect(register.resultType.map(ObjectIdentifier.init) == ObjectIdentifier(UUID.self))
        #expect(register.events == ["UserRegistrationAttempted", "UserRegistrationSucceeded", "UserRegistrationFailed"])
        #expect(register.location.description.hasPrefix("spec/operations.yaml:"))
        let account = try #require(registry.metadata(for: GetAccount.self))
        #expect(account.category == .dataSync)
        #expect(account.cachePolicy == .short)
        struct Unknown: Command { typealias Output = Void }
        #expect(registry.metadata(for: Unknown.self) == nil)
        #expect(registry.handlerType(for: Unknown.self) == nil)
    }

    @Test("handler types: each operation its own, 45 in all")
    func handlerTypes() {
        #expect(registry.handlerType(for: RevokeAllUserSessions.self).map(ObjectIdentifier.init) == ObjectIdentifier(RevokeAllSessionsHandler.self))
        #expect(registry.handlerType(for: ListUserSessions.self).map(ObjectIdentifier.init) == ObjectIdentifier(ListSessionsHandler.self))
        #expect(registry.handlerType(for: LinkRefreshTokenToSession.self).map(ObjectIdentifier.init) == ObjectIdentifier(LinkRefreshTokenToSessionHandler.self))
        #expect(registry.allHandlerTypes.count == 45)
    }

    @Test("the filtered views count what the catalogue counts, with true result types")
    func filteredViews() {
        #expect(registry.commandsWithResultDTO.count == 16)
        #expect(registry.commandsEmittingEvents.count == 20)
        // 21 in Dashtam's catalogue; AuthenticateUser and ImportFromFile write outside one (spec/operations.yaml).
        #expect(registry.commandsRequiringTransaction.count == 19)
        // Dashtam paginated two queries; every query that returns rows is paginated here.
        #expect(registry.paginatedQueries.count == 13)
        #expect(registry.queries(withCachePolicy: .medium).count == 4)
        #expect(registry.queries(withCachePolicy: .short).count == 14)
        #expect(registry.queries(withCachePolicy: .none).isEmpty)
    }

    @Test("the registry is consistent")
    func consistency() {
        #expect(registry.consistencyProblems() == [])
    }

    @Test("the consistency check finds repeated operations and shared handlers")
    func consistencyProblems() {
        let register = registry.metadata(for: RegisterUser.self)!
        let broken = Registry<OperationCategory>(commands: [register, register], queries: [])
        #expect(broken.consistencyProblems() == [
            "command 'RegisterUser' appears more than once", "handler 'RegisterUserHandler' appears more than once",
        ])
    }
}
