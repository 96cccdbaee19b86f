import CQRS
import Foundation
import Testing

@testable import App

/// What the spec's flags wire: the audit log holds a row for each audited event, written with its command's writes
/// (and for a failure that rolled them back, its failed event's), without the fields the spec marks secret, and none
/// for an event that is not audited; the mailer sends one message per event marked `email`.
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

        let entries = try await AuditLog(database: fixture.environment.database, clock: fixture.environment.services.clock).entries()
        #expect(entries.map(\.action) == ["USER_REGISTRATION_ATTEMPTED", "USER_REGISTERED"])
        #expect(entries.map(\.event) == ["UserRegistrationAttempted", "UserRegistrationSucceeded"])
        #expect(entries.allSatisfy { $0.operation == "RegisterUser" && $0.correlationId == "corr-1" })
        #expect(entries.last?.payload == #"{"email":"ada@example.com","user_id":"\#(userId.uuidString)"}"#)

        let mail = try #require(await fixture.mails.sent.only)
        #expect(mail.to == "ada@example.com" && mail.subject == "Verify your email address")
        let token = try #require(mail.body.split(whereSeparator: { !$0.isHexDigit }).map(String.init).first { $0.count == 64 })
        #expect(entries.allSatisfy { !$0.payload.contains(token) }, "the secret token is mailed, never audited")
    }

    @Test("a failure that rolls its command back is audited and delivered by its failed event alone; an unaudited event writes no row")
    func unaudited() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        let database = fixture.environment.database, dispatcher = fixture.environment.dispatcher
        let userId = try await dispatcher.run(RegisterUser(email: "ada@example.com", password: "Str0ng!pass"), on: database.session()).get()
        let again = await dispatcher.run(RegisterUser(email: "ada@example.com", password: "Str0ng!pass"), on: database.session())
        #expect(again.failureCode == .emailAlreadyRegistered)
        // SessionCreatedEvent is logged, not audited.
        _ = try await dispatcher.run(
            CreateSession(userId: userId, ipAddress: nil, userAgent: nil, expiresAt: nil, refreshTokenId: nil), on: database.session()
        ).get()
        #expect(await fixture.events.names.contains(.sessionCreatedEvent))
        let entries = try await AuditLog(database: database, clock: SystemWallClock()).entries()
        // The second attempt rolled back: its attempt left nothing, its failure a row of its own, with its code.
        #expect(entries.map(\.action) == ["USER_REGISTRATION_ATTEMPTED", "USER_REGISTERED", "USER_REGISTRATION_FAILED"])
        #expect(entries.last?.payload == #"{"email":"ada@example.com","failure_code":"email_already_registered"}"#)
        let names = await fixture.events.names
        #expect(names.filter { $0 == .userRegistrationAttempted }.count == 1, "the rolled-back attempt is not delivered")
        #expect(names.contains(.userRegistrationFailed))
    }
}

extension Array {
    /// The one element, or nil when there is not exactly one.
    var only: Element? { count == 1 ? first : nil }
}
