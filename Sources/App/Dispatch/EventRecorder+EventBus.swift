import CQRS

/// The event bus a handler publishes to during one dispatch is the runtime's recorder of that run: the dispatcher
/// delivers what it recorded once the command's transaction commits, and drops it when the transaction rolls back,
/// so subscribers never hear of work that did not happen.
extension EventRecorder: EventBus where Event == DomainEvent {
    func publish(_ event: DomainEvent) async {
        record(event)
    }
}
