import CQRS
import Synchronization

/// Keeps every event published, in order, with its context, for tests to read; can be told to fail for some events,
/// as a failing subscriber would.
public final class RecordingEventPublisher<Event: NamedEvent>: EventPublisher {
    private let state = Mutex<(published: [EventEnvelope<Event>], failing: Set<String>)>(([], []))

    public init() {}

    public var published: [EventEnvelope<Event>] { state.withLock(\.published) }

    /// The names of the events published, in order.
    public var names: [String] { published.map(\.event.eventName) }

    /// Publishing an event of one of these names throws, as a subscriber's failure does.
    public func fail(on names: Set<String>) {
        state.withLock { $0.failing = names }
    }

    public func publish(_ envelope: EventEnvelope<Event>) async throws {
        let fails = state.withLock { state -> Bool in
            guard !state.failing.contains(envelope.event.eventName) else { return true }
            state.published.append(envelope)
            return false
        }
        if fails { throw SubscriberFailed(event: envelope.event.eventName) }
    }

    public struct SubscriberFailed: Error, CustomStringConvertible {
        public var event: String
        public var description: String { "a subscriber of \(event) failed" }
    }
}
