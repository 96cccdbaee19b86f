import Synchronization

/// Where a command's handler records the events it publishes, for the dispatcher to check and deliver after the
/// commit. Handlers receive it through their event bus dependency, never a publisher: what a handler records is
/// delivered only if its command commits.
public final class EventRecorder<Event: NamedEvent>: Sendable {
    // Stored as existentials, not `[Event]`: a generic class's initialiser and deinit are never specialised, and a
    // `Mutex<[Event]>` field made every recorder look up that type's metadata at run time, three times, for the cost
    // of the rest of a dispatch. The existential array's type is concrete; each event is cast back as it is drained.
    @usableFromInline let events = Mutex<[any NamedEvent]>([])

    @inlinable
    public init() {}

    @inlinable
    public func record(_ event: Event) {
        events.withLock { $0.append(event) }
    }

    /// The events recorded so far, in order; the recorder is empty afterwards.
    @inlinable
    public func drain() -> [Event] {
        let recorded = events.withLock { events in
            defer { events = [] }
            return events
        }
        // Only `record(_:)` appends, and it takes an `Event`: the cast cannot fail.
        return recorded.isEmpty ? [] : recorded.map { $0 as! Event }
    }
}
