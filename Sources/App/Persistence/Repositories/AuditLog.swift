import CQRS
import Foundation
import SQLKit

/// The audit log: one row per audited event (the spec's `audit` flag), with its action, the operation and request it
/// came from, and its payload without secrets. Rows are only ever inserted.
struct AuditLog: Sendable {
    let database: AppDatabase
    /// What stamps each row, unless the caller gives the date.
    let clock: any WallClock

    struct Entry: Sendable, Hashable, Codable {
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
            try await db.insert(into: "audit_log").models(entries.map { Row(entry: $0) }, with: StoredRow.encoder).run()
        }
    }

    /// An entry as stored: its columns, and an id of its own.
    private struct Row: Encodable, Sendable {
        private enum Key: CodingKey { case id }
        var entry: Entry

        func encode(to encoder: any Encoder) throws {
            try entry.encode(to: encoder)
            var row = encoder.container(keyedBy: Key.self)
            try row.encode(UUID(), forKey: .id)
        }
    }

    /// Every row, oldest first: for operators and tests.
    func entries() async throws -> [Entry] {
        let written = database.dialect.insertionOrder
        return try await database.session().read { db in
            try await db.all(Entry.self, "SELECT * FROM audit_log ORDER BY recorded_at, \(written)")
        }
    }
}
