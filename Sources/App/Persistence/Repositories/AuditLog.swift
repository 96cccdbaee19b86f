import CQRS
import Foundation
import GRDB

/// The audit log: one row per audited event (the spec's `audit` flag), with its action, the operation and request it
/// came from, and its payload without secrets. Rows are only ever inserted.
struct AuditLog: Sendable {
    let database: AppDatabase
    /// What stamps each row, unless the caller gives the date.
    let clock: any WallClock

    struct Entry: Sendable, Hashable {
        var action: String
        var event: String
        var operation: String
        var caller: String?
        var correlationId: String
        var payload: String
        var recordedAt: Date
    }

    /// Writes one row per audited event through `session`: inside the command's transaction when it has one, so that
    /// a row stands or falls with the writes it records; else (a command without one, or the record of a failure
    /// whose writes rolled back) in a write of its own.
    func record(_ envelopes: [EventEnvelope<DomainEvent>], on session: DatabaseSession, at date: Date? = nil) async throws {
        let date = date ?? clock.now
        let entries = envelopes.compactMap { envelope -> Entry? in
            guard let action = envelope.event.eventMetadata.auditAction else { return nil }
            return Entry(
                action: action, event: envelope.event.eventName, operation: envelope.operation, caller: envelope.context.caller,
                correlationId: envelope.context.correlationId, payload: InProcessEventBus.payload(of: envelope.event),
                recordedAt: date)
        }
        guard !entries.isEmpty else { return }
        try await session.write { db in
            for entry in entries {
                try db.execute(
                    sql: """
                        INSERT INTO audit_log (id, action, event, operation, caller, correlation_id, payload, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        UUID().uuidString, entry.action, entry.event, entry.operation, entry.caller, entry.correlationId,
                        entry.payload, entry.recordedAt,
                    ])
            }
        }
    }

    /// Every row, oldest first: for operators and tests.
    func entries() async throws -> [Entry] {
        try await database.session().read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY recorded_at, rowid").map { row in
                Entry(
                    action: row["action"], event: row["event"], operation: row["operation"], caller: row["caller"],
                    correlationId: row["correlation_id"], payload: row["payload"], recordedAt: row["recorded_at"])
            }
        }
    }
}

/// The dispatcher's journal: audited events are written with the command's own writes, before it commits.
extension AuditLog: EventJournal {
    func record(_ envelopes: [EventEnvelope<DomainEvent>], in unitOfWork: any UnitOfWork) async throws {
        // Every command runs on the request's session; anything else (a test's own unit of work) gets a session of
        // its own, whose writes commit at once.
        let session = unitOfWork as? DatabaseSession ?? database.session()
        try await record(envelopes, on: session)
    }
}
