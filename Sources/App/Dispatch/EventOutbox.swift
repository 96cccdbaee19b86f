import Synchronization

/// The event bus a handler publishes to during one dispatch: it only collects. The dispatcher delivers what it
/// collected once the command's transaction commits, and drops it when the transaction rolls back, so subscribers
/// never hear of work that did not happen.
final class EventOutbox: EventBus {
    private let events = Mutex<[DomainEvent]>([])

    func publish(_ event: DomainEvent) async {
        events.withLock { $0.append(event) }
    }

    /// Everything published so far, in order; the outbox is empty afterwards.
    func drain() -> [DomainEvent] {
        events.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}
