/// Keeps a command's events with its writes: the dispatcher hands them over inside the command's transaction,
/// before it commits, so that what must not be lost (an audit log, an outbox) is lost with nothing the command did.
/// Subscribers, which run after the commit, can miss an event if the process stops in between; a journal cannot.
///
/// When a command's failure rolls its writes back, the events that record that failure (``NamedEvent/recordsFailure``:
/// the `failed` phase of a workflow) are still handed over, after the rollback, outside any transaction: the failure
/// happened even though its writes did not.
public protocol EventJournal<Event>: Sendable {
    associatedtype Event: NamedEvent

    /// Records `envelopes` through `unitOfWork`, the store the command ran on (the application's own type): inside
    /// its transaction when the command has one and succeeded, else in a write of its own. A thrown error fails the
    /// command, whose writes then roll back; after a rollback it goes to the dispatcher's `publishFailures`.
    func record(_ envelopes: [EventEnvelope<Event>], in unitOfWork: any UnitOfWork) async throws
}
