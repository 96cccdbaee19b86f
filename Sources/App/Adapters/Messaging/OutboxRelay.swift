import CQRS
import Foundation
import Logging

/// Does the outbox's jobs (``EventOutbox``), each exactly once across every instance on the database.
///
/// Each job is done in a transaction of its own that claims its row, does the work, and deletes the row. A job whose
/// work is in the database (balance snapshots) is therefore done exactly once: its writes and the row's deletion
/// commit together or not at all, and a second claimer finds the row claimed (PostgreSQL: `SKIP LOCKED`) or gone
/// (SQLite: the one writer). A job whose work leaves the database (a message) is done before the commit: if the
/// process stops between the two, the message goes again. Nothing lets a mailer and a database commit as one.
///
/// After each command, the instance that ran it does that request's jobs at once (``deliver(correlationId:)``,
/// called by the event bus after the commit). Every instance also sweeps the whole outbox on a timer
/// (``OutboxSweep``), for the jobs of an instance that stopped before it could, and for failed ones that are due
/// again: a failure is retried after a wait that doubles, up to ``maximumAttempts`` times, then marked failed and
/// logged.
struct OutboxRelay: Sendable {
    /// Deliveries of one job before it is marked failed: the last is about 17 minutes after the first.
    static let maximumAttempts = 10
    /// Jobs one call delivers at most, so that a sweep after an outage is done in bounded steps.
    static let batchSize = 100
    /// Transactions a delivery tries when it keeps losing deadlocks; then the job is left for the next call.
    static let attempts = 4

    let outbox: EventOutbox
    let mailer: any EmailService
    let logger: Logger

    private var database: AppDatabase { outbox.database }

    /// How a delivery ended.
    enum Outcome: Sendable, Equatable {
        case delivered
        /// Delivered elsewhere already, or being delivered there now.
        case taken
        case failed
    }

    /// Delivers the jobs due now, oldest first, at most ``batchSize``: only the jobs of one request when
    /// `correlationId` is given. Returns how many this call delivered.
    @discardableResult
    func deliver(correlationId: String? = nil) async -> Int {
        let due: [UUID]
        do {
            due = try await outbox.due(correlationId: correlationId, limit: Self.batchSize)
        } catch {
            // A sweep cancelled as the server shuts down is no failure.
            if !Task.isCancelled {
                logger.error("could not read the event outbox", metadata: ["error": "\(String(reflecting: error))"])
            }
            return 0
        }
        var delivered = 0
        for id in due where await deliver(id) == .delivered { delivered += 1 }
        return delivered
    }

    /// Claims job `id`, does it and deletes it, in one transaction.
    func deliver(_ id: UUID) async -> Outcome {
        for _ in 1...Self.attempts {
            let session = database.session()
            var row: EventOutbox.Row?
            do {
                // The claim locks the row, so nothing here needs to conflict: on PostgreSQL, READ COMMITTED, where a
                // capture reads the balances as last committed and never fails on a concurrent import.
                try await session.beginClaiming()
                row = try await outbox.claim(id, on: session)
                guard let row else {
                    await session.rollback()
                    return .taken
                }
                try await perform(try outbox.job(of: row), on: DatabaseRequestScope(session: session))
                try await outbox.remove(id, on: session)
                try await session.commit()
                return .delivered
            } catch {
                let conflicted = session.hadConflict
                await session.rollback()
                if conflicted { continue }
                if Task.isCancelled { return .taken }
                await recordFailure(of: id, row: row, error)
                return .failed
            }
        }
        // Every attempt lost a deadlock: the job stays due, for the next call.
        return .taken
    }

    private func perform(_ job: OutboxJob, on scope: DatabaseRequestScope) async throws {
        switch job {
        case .email(let message): try await mailer.send(message)
        case .balanceSnapshots(let capture): try await capture.capture(on: scope, at: outbox.clock.now)
        }
    }

    private func recordFailure(of id: UUID, row: EventOutbox.Row?, _ error: any Error) async {
        var metadata: Logger.Metadata = ["job": "\(id)", "error": "\(String(reflecting: error))"]
        if let row {
            metadata["event"] = "\(row.event)"
            metadata["correlation_id"] = "\(row.correlationId)"
        }
        do {
            let gaveUp = try await outbox.recordFailure(of: id, error, maximumAttempts: Self.maximumAttempts)
            let message: Logger.Message = gaveUp
                ? "an event's job failed for good" : "an event's job failed; it will be retried"
            logger.error(message, metadata: metadata)
        } catch {
            metadata["outbox_error"] = "\(String(reflecting: error))"
            logger.error("an event's job failed, and its failure could not be counted", metadata: metadata)
        }
    }
}
