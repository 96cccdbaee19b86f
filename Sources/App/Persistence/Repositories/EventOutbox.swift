import CQRS
import Foundation
import SQLKit

/// The transactional outbox: the work each committed event owes (``OutboxJob``), one row per job. Rows are written
/// through the command's own session, inside its transaction, so that a job exists exactly when the command's writes
/// do; ``OutboxRelay`` deletes each in the transaction that does its work.
///
/// A job is stored sealed (``EncryptionService``): a message may carry a secret the event's log and audit leave out (a
/// verification token), and it stays at rest until it is sent.
struct EventOutbox: Sendable {
    let database: AppDatabase
    let encryption: any EncryptionService
    let clock: any WallClock
    /// The address messages point at.
    let baseURL: String

    /// A job as stored.
    struct Row: Codable, Sendable, Hashable {
        var id: UUID
        var event: String
        var operation: String
        var correlationId: String
        /// The job's JSON, sealed.
        var job: Data
        /// How many deliveries failed.
        var attempts: Int
        var dueAt: Date
        var createdAt: Date
        /// Set when the job has failed every attempt it is given; it is never delivered after.
        var failedAt: Date?
        /// The last failure, for operators; never shown to a client.
        var lastError: String?
    }

    private struct Due: Decodable {
        var id: UUID
    }

    /// Writes the jobs `envelopes` owe through `session`: inside the command's transaction when it has one.
    func enqueue(_ envelopes: [EventEnvelope<DomainEvent>], on session: DatabaseSession) async throws {
        let now = clock.now
        let encoder = JSONEncoder()
        var rows: [Row] = []
        for envelope in envelopes {
            for job in OutboxJob.jobs(for: envelope, baseURL: baseURL) {
                rows.append(Row(
                    id: UUID(), event: envelope.event.eventName, operation: envelope.operation,
                    correlationId: envelope.context.correlationId, job: try encryption.encrypt(try encoder.encode(job)),
                    attempts: 0, dueAt: now, createdAt: now))
            }
        }
        guard !rows.isEmpty else { return }
        try await session.write { [rows] db in
            try await db.insert(into: "event_outbox").models(rows, with: StoredRow.encoder).run()
        }
    }

    /// The ids of the jobs due now, oldest first, at most `limit`; only those of one request when `correlationId` is
    /// given.
    func due(correlationId: String? = nil, limit: Int) async throws -> [UUID] {
        let now = clock.now
        let order = database.dialect.insertionOrder
        let ofRequest: SQLQueryString = correlationId.map { "AND correlation_id = \(bind: $0)" } ?? ""
        return try await database.session().read { db in
            try await db.all(Due.self, """
                SELECT id FROM event_outbox WHERE failed_at IS NULL AND due_at <= \(bind: now) \(ofRequest)
                ORDER BY due_at, \(order) LIMIT \(literal: limit)
                """).map(\.id)
        }
    }

    /// The job `id`, claimed for `session`'s transaction when it is still due and no other transaction holds it; nil
    /// when it is gone (delivered), not due, or being delivered elsewhere.
    func claim(_ id: UUID, on session: DatabaseSession) async throws -> Row? {
        let (now, claiming) = (clock.now, database.dialect.claimingRead)
        return try await session.write { db in
            try await db.first(Row.self, """
                SELECT * FROM event_outbox
                WHERE id = \(bind: id) AND failed_at IS NULL AND due_at <= \(bind: now)\(claiming)
                """)
        }
    }

    /// The job a row holds.
    func job(of row: Row) throws -> OutboxJob {
        try JSONDecoder().decode(OutboxJob.self, from: try encryption.decrypt(row.job))
    }

    /// Deletes a delivered job, in the transaction that did its work.
    func remove(_ id: UUID, on session: DatabaseSession) async throws {
        try await session.write { db in try await db.raw("DELETE FROM event_outbox WHERE id = \(bind: id)").run() }
    }

    /// Counts a failed delivery of job `id`: it is due again after a wait that doubles with each failure, until it
    /// has failed `maximumAttempts` times, when it is marked failed for good. Returns whether it was.
    @discardableResult
    func recordFailure(of id: UUID, _ error: any Error, maximumAttempts: Int) async throws -> Bool {
        let (now, locking) = (clock.now, database.dialect.lockingRead)
        return try await database.session().write { db in
            let row = try await db.first(Row.self, "SELECT * FROM event_outbox WHERE id = \(bind: id)\(locking)")
            guard let row else { return false }
            let attempts = row.attempts + 1
            let gaveUp = attempts >= maximumAttempts
            let wait = TimeInterval(1 << min(attempts, 10))
            try await db.update("event_outbox")
                .set("attempts", to: attempts)
                .set("due_at", to: now.addingTimeInterval(wait))
                .set("failed_at", to: gaveUp ? now : nil)
                .set("last_error", to: String(String(describing: error).prefix(1_000)))
                .where("id", .equal, id)
                .run()
            return gaveUp
        }
    }

    /// Every job not yet delivered, failed ones included, oldest first: for operators and tests.
    func rows() async throws -> [Row] {
        let order = database.dialect.insertionOrder
        return try await database.session().read { db in
            try await db.all(Row.self, "SELECT * FROM event_outbox ORDER BY created_at, \(order)")
        }
    }
}
