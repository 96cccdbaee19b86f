import CQRS
import CQRSTesting
import Foundation
import Logging
import Testing

@testable import App

/// The work events owe (a message, balance snapshots) is kept in the outbox with the command's writes, and done
/// exactly once: by the instance that ran the command, or, when it stopped first, by any instance's sweep.
@Suite("Event outbox")
struct EventOutboxTests {
    static func registered(_ email: String, correlationId: String = UUID().uuidString) -> EventEnvelope<DomainEvent> {
        EventEnvelope(
            event: .userRegistrationSucceeded(UserRegistrationSucceeded(email: email, userId: UUID(), verificationToken: "tok-\(email)")),
            operation: "RegisterUser", context: OperationContext(correlationId: correlationId))
    }

    /// Commits jobs without delivering them: what an instance leaves when it stops between its commit and its
    /// deliveries.
    static func commitWithoutDelivering(_ envelopes: [EventEnvelope<DomainEvent>], _ fixture: ServerFixture) async throws {
        let session = fixture.environment.database.session()
        try await session.begin()
        try await fixture.environment.services.outbox.enqueue(envelopes, on: session)
        try await session.commit()
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "AppTests.outbox")
        logger.logLevel = .critical
        return logger
    }

    @Test("a registration's message is sent once, after the commit, and leaves nothing in the outbox")
    func deliveredAfterCommit() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await fixture.application().test(.router) { client in
            let registered = try await client.call(.post, "/api/v1/users", json: ["email": "ada@example.com", "password": "Str0ng!pass"])
            #expect(registered.status == .created)
        }
        #expect(await fixture.mails.sent.map(\.to) == ["ada@example.com"])
        #expect(try await fixture.environment.services.outbox.rows().isEmpty)
    }

    @Test("an event owes jobs exactly when the outbox would write some for it")
    func owedJobs() {
        let failed = EventEnvelope<DomainEvent>(
            event: .userRegistrationFailed(UserRegistrationFailed(email: "ada@example.com", failureCode: "email_taken")),
            operation: "RegisterUser", context: OperationContext(correlationId: "c"))
        for envelope in [Self.registered("ada@example.com"), failed] {
            #expect(OutboxJob.isOwed(by: envelope.event) == !OutboxJob.jobs(for: envelope, baseURL: "http://x").isEmpty)
        }
        #expect(OutboxJob.isOwed(by: Self.registered("ada@example.com").event))
        #expect(!OutboxJob.isOwed(by: failed.event))
    }

    @Test("jobs left by an instance that stopped are done by the next sweep, once; the secret they carry is sealed at rest")
    func leftJobs() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await Self.commitWithoutDelivering([Self.registered("ada@example.com"), Self.registered("bob@example.com")], fixture)
        let rows = try await fixture.environment.services.outbox.rows()
        #expect(rows.map(\.event) == ["UserRegistrationSucceeded", "UserRegistrationSucceeded"])
        // The verification token is in the message, and nowhere readable in the row.
        #expect(!rows.contains { String(decoding: $0.job, as: UTF8.self).contains("tok-ada") })
        let relay = fixture.environment.services.outboxRelay
        #expect(await relay.deliver() == 2)
        #expect(await fixture.mails.sent.map(\.to) == ["ada@example.com", "bob@example.com"])
        #expect(await fixture.mails.sent.first?.body.contains("tok-ada@example.com") == true)
        #expect(await relay.deliver() == 0)
        #expect(await fixture.mails.sent.count == 2)
        #expect(try await fixture.environment.services.outbox.rows().isEmpty)
    }

    @Test("relays sweeping together (on PostgreSQL, on two instances) do each job exactly once")
    func concurrentRelays() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        let envelopes = (0..<30).map { Self.registered("user\($0)@example.com") }
        try await Self.commitWithoutDelivering(envelopes, fixture)
        // A second instance on the same PostgreSQL database; SQLite has one process, whose relays share its writer.
        let second = TestDatabase.isSQLite
            ? fixture.environment.database : try await AppDatabase.open(TestDatabase.location(in: fixture.directory))
        let outboxes = [
            fixture.environment.services.outbox,
            EventOutbox(
                database: second, encryption: fixture.environment.services.encryptionService, clock: fixture.clock,
                baseURL: "http://127.0.0.1"),
        ]
        let delivered = await withTaskGroup(of: Int.self) { group in
            for index in 0..<4 {
                let relay = OutboxRelay(outbox: outboxes[index % 2], mailer: fixture.mails, logger: Self.quietLogger)
                group.addTask { await relay.deliver() }
            }
            return await group.reduce(0, +)
        }
        #expect(delivered == 30)
        #expect(await fixture.mails.sent.map(\.to).sorted() == envelopes.map { Self.recipient(of: $0) }.sorted())
        #expect(try await fixture.environment.services.outbox.rows().isEmpty)
        if !TestDatabase.isSQLite { await second.close() }
    }

    @Test("a failing job is retried after a wait that doubles, then marked failed for good and left alone")
    func failingJob() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        try await Self.commitWithoutDelivering([Self.registered("ada@example.com")], fixture)
        let outbox = fixture.environment.services.outbox
        let relay = OutboxRelay(outbox: outbox, mailer: FailingMailer(), logger: Self.quietLogger)
        var waits: [TimeInterval] = []
        for attempt in 1...OutboxRelay.maximumAttempts {
            let failedAt = fixture.clock.now
            #expect(await relay.deliver() == 0)
            let row = try #require(try await outbox.rows().first)
            #expect(row.attempts == attempt)
            #expect(row.lastError == "the mail server refused the message")
            if attempt < OutboxRelay.maximumAttempts {
                #expect(row.failedAt == nil)
                waits.append(row.dueAt.timeIntervalSince(failedAt))
                // Not due before its wait is over.
                #expect(await relay.deliver() == 0)
                #expect(try await outbox.rows().first?.attempts == attempt)
                fixture.clock.advance(by: .seconds(Int64(waits.last!)))
            } else {
                #expect(row.failedAt == failedAt)
            }
        }
        #expect(waits == [2, 4, 8, 16, 32, 64, 128, 256, 512])
        // Failed for good: a working mailer later does not send it either.
        fixture.clock.advance(by: .seconds(3_600))
        #expect(await fixture.environment.services.outboxRelay.deliver() == 0)
        #expect(await fixture.mails.sent.isEmpty)
    }

    static func recipient(of envelope: EventEnvelope<DomainEvent>) -> String {
        guard case .userRegistrationSucceeded(let registered) = envelope.event else { return "" }
        return registered.email
    }
}

/// A mailer whose server is down.
struct FailingMailer: EmailService {
    struct Refused: Error, CustomStringConvertible {
        var description: String { "the mail server refused the message" }
    }

    func send(_ message: EmailMessage) async throws { throw Refused() }
}
