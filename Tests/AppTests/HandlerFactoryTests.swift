import CQRS
import Foundation
import Testing

@testable import App

/// The generated factory builds handlers from one request's dependencies; an override replaces one handler, as
/// FastAPI's `dependency_overrides` does.
@Suite("Handler factory and overrides")
struct HandlerFactoryTests {
    struct StubRegistration: RegisterUserHandling {
        let id: UUID
        func handle(_ command: RegisterUser) async -> Result<UUID, OperationError> { .success(id) }
    }

    @Test("an override replaces the handler, and only that one")
    func overrideReplacesHandler() async throws {
        let app = TestApplication()
        let id = UUID()
        var overrides = TestApplication.Overrides()
        overrides.registerUser = { _ in StubRegistration(id: id) }
        let handlers = app.handlers(overrides: overrides)
        let result = await handlers.registerUserHandler().handle(RegisterUser(email: "ada@example.com", password: "Str0ng!pass"))
        #expect(try result.get() == id)
        #expect(await app.users.users.isEmpty, "the real handler did not run")
        #expect(handlers.authenticateUserHandler() is AuthenticateUserHandler)
    }

    @Test("an override is built from the factory, so it can use the request's dependencies")
    func overrideSeesTheRequest() async throws {
        let app = TestApplication()
        var overrides = TestApplication.Overrides()
        overrides.getAccount = { factory in GetAccountHandler(ownershipVerifier: factory.request.ownershipVerifier) }
        let result = await app.handlers(overrides: overrides).getAccountHandler().handle(GetAccount(accountId: UUID(), userId: UUID()))
        #expect(result == .failure(.accountNotFound))
    }

    @Test("without overrides, each request gets handlers over that request's dependencies")
    func handlersUseTheRequestsRepositories() async throws {
        let first = TestApplication(), second = TestApplication()
        _ = await first.handlers().registerUserHandler().handle(RegisterUser(email: "ada@example.com", password: "Str0ng!pass"))
        #expect(await first.users.users.count == 1)
        #expect(await second.users.users.isEmpty)
    }
}
