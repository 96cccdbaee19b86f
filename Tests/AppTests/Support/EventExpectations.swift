import CQRS
import Foundation
import Testing

@testable import App

/// Every event a command published must be one its spec entry lists: the spec is the contract subscribers rely on.
func expectOnlyListedEvents<C: Command>(
    _ events: [DomainEvent], for command: C.Type, sourceLocation: SourceLocation = #_sourceLocation
) {
    let listed = Set(OperationRegistry.shared.metadata(for: command)?.events ?? [])
    for event in events {
        #expect(listed.contains(event.name.rawValue), "\(C.self) published \(event.name.rawValue)", sourceLocation: sourceLocation)
    }
}

extension TestApplication {
    /// The events published since `count`, and their names.
    func events(after count: Int) async -> [DomainEvent] { Array(await events.events.dropFirst(count)) }

    /// Registers and verifies a user, returning its id.
    func verifiedUser(email: String = "ada@example.com", password: String = "Str0ng!pass") async throws -> UUID {
        let handlers = handlers()
        let userId = try await handlers.registerUserHandler().handle(RegisterUser(email: email, password: password)).get()
        let token = try #require(await verificationTokens.tokens.values.first { $0.userId == userId }?.token)
        _ = try await handlers.verifyEmailHandler().handle(VerifyEmail(token: token)).get()
        return userId
    }
}

extension DomainEvent {
    /// A payload field as encoded (under its wire name, secrets left out), as text: what the log and the audit log
    /// keep of it.
    func payloadValue(_ key: String) -> String? {
        let data = Data(InProcessEventBus.payload(of: self).utf8)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let value = object[key] else { return nil }
        return "\(value)"
    }
}
