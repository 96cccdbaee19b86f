import CQRS

/// The dispatcher's journal: what a command's events leave in the database is written with the command's own writes,
/// before it commits, so that neither stands without the other. Audited events become audit rows (``AuditLog``);
/// events that subscribers act on become jobs in the outbox (``EventOutbox``).
struct CommandJournal: EventJournal {
    let audit: AuditLog
    let outbox: EventOutbox

    func record(_ envelopes: [EventEnvelope<DomainEvent>], in unitOfWork: any UnitOfWork) async throws {
        // Every command runs on the request's session; anything else (a test's own unit of work) gets a session of
        // its own, whose writes commit at once.
        let session = unitOfWork as? DatabaseSession ?? audit.database.session()
        try await audit.record(envelopes, on: session)
        try await outbox.enqueue(envelopes, on: session)
    }
}
