import Synchronization

/// Where a command's handler records the events it publishes, for the dispatcher to check and deliver after the
/// commit. Handlers receive it through their event bus dependency, never a publisher: what a handler records is
/// delivered only if its command commits.
public final class EventRecorder<Event: NamedEvent>: Sendable {
    private let events = Mutex<[Event]>([])

    public init() {}

    public func record(_ event: Event) {
        events.withLock { $0.append(event) }
    }

    /// The events recorded so far, in order; the recorder is empty afterwards.
    public func drain() -> [Event] {
        events.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}
