import CQRS
import Foundation

/// Work owed because of a committed event: what the application's subscribers do, kept in the outbox
/// (``EventOutbox``) from the command's own transaction until it is done, so that a process that stops between the
/// commit and the work loses none of it, and an instance never does work another has done.
///
/// `audit` is not here: the dispatcher's journal (``AuditLog``) writes it inside each command's transaction. Logging
/// is not here either: ``InProcessEventBus`` logs each event when it is published.
enum OutboxJob: Codable, Sendable, Hashable {
    /// A message for an event the spec marks `email`.
    case email(EmailMessage)
    /// Balance snapshots, once an event made balances known.
    case balanceSnapshots(BalanceCapture)

    /// Whether `event` owes any job: what ``jobs(for:baseURL:)`` would find, without making a message.
    static func isOwed(by event: DomainEvent) -> Bool {
        event.emailEvent != nil || BalanceCapture(event) != nil
    }

    /// What `envelope`'s event owes, in order: the application's subscriptions, wired from the spec's flags.
    static func jobs(for envelope: EventEnvelope<DomainEvent>, baseURL: String) -> [OutboxJob] {
        var jobs: [OutboxJob] = []
        if let message = EventEmails.message(for: envelope.event, baseURL: baseURL) { jobs.append(.email(message)) }
        if let capture = BalanceCapture(envelope.event) { jobs.append(.balanceSnapshots(capture)) }
        return jobs
    }
}
