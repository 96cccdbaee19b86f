import CQRS
import Foundation
import GRDB

/// The audit log: one row per audited event (the spec's `audit` flag), with its action, the operation and request it
/// came from, and its payload without secrets. Rows are only ever inserted.
struct AuditLog: Sendable {
    let database: AppDatabase

    struct Entry: Sendable, Hashable {
        var action: String
        var event: String
        var operation: String
        var caller: String?
        var correlationId: String
        var payload: String
        var recordedAt: Date
    }

    func record(action: String, _ envelope: EventEnvelope<DomainEvent>, at date: Date = Date()) async throws {
        let entry = Entry(
            action: action, event: envelope.event.eventName, operation: envelope.operation, caller: envelope.context.caller,
            correlationId: envelope.context.correlationId, payload: InProcessEventBus.payload(of: envelope.event),
            recordedAt: date)
        try await database.session().write { db in
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
