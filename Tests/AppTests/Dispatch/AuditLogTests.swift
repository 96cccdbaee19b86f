import CQRS
import Foundation
import Testing

@testable import App

/// The subscribers the spec's flags wire: the audit log holds a row for each audited event once its command has
/// committed, without the fields the spec marks secret, and none for an event that is not audited; the mailer sends
/// one message per event marked `email`.
@Suite("Events: the audit log and the mail from the spec's flags")
struct AuditLogTests {
    @Test("a registration is audited twice, without its verification token, and mails the token once")
    func registration() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        let context = OperationContext(correlationId: "corr-1")
        let userId = try await fixture.environment.dispatcher.run(
            RegisterUser(email: "ada@example.com", password: "Str0ng!pass"), on: fixture.environment.database.session(),
            context: context
        ).get()

        let entries = try await AuditLog(database: fixture.environment.database).entries()
        #expect(entries.map(\.action) == ["USER_REGISTRATION_ATTEMPTED", "USER_REGISTERED"])
        #expect(entries.map(\.event) == ["UserRegistrationAttempted", "UserRegistrationSucceeded"])
        #expect(entries.allSatisfy { $0.operation == "RegisterUser" && $0.correlationId == "corr-1" })
        #expect(entries.last?.payload == #"{"email":"ada@example.com","user_id":"\#(userId.uuidString)"}"#)

        let mail = try #require(await fixture.mails.sent.only)
        #expect(mail.to == "ada@example.com" && mail.subject == "Verify your email address")
        let token = try #require(mail.body.split(whereSeparator: { !$0.isHexDigit }).map(String.init).first { $0.count == 64 })
        #expect(entries.allSatisfy { !$0.payload.contains(token) }, "the secret token is mailed, never audited")
    }

    @Test("a failure that rolls its command back is neither delivered nor audited; an unaudited event writes no row")
    func unaudited() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        let database = fixture.environment.database, dispatcher = fixture.environment.dispatcher
        let userId = try await dispatcher.run(RegisterUser(email: "ada@example.com", password: "Str0ng!pass"), on: database.session()).get()
        let again = await dispatcher.run(RegisterUser(email: "ada@example.com", password: "Str0ng!pass"), on: database.session())
        #expect(again.failureCode == "email_already_registered")
        // SessionCreatedEvent is logged, not audited.
        _ = try await dispatcher.run(
            CreateSession(userId: userId, ipAddress: nil, userAgent: nil, expiresAt: nil, refreshTokenId: nil), on: database.session()
        ).get()
        #expect(await fixture.events.names.contains(.sessionCreatedEvent))
        let actions = try await AuditLog(database: database).entries().map(\.action)
        #expect(actions == ["USER_REGISTRATION_ATTEMPTED", "USER_REGISTERED"])
    }
}

extension Array {
    /// The one element, or nil when there is not exactly one.
    var only: Element? { count == 1 ? first : nil }
}
