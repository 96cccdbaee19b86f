/// An event an application's handlers publish: what the dispatcher needs of it is its name, to check it against the
/// events the spec declares for the operation.
public protocol NamedEvent: Sendable {
    /// The name the spec declares it under (`UserRegistered`).
    var eventName: String { get }
    /// Whether it records a failure (a workflow's `failed` phase): published, and journaled, even when the failure
    /// rolls its command's writes back. False unless the event says otherwise.
    var recordsFailure: Bool { get }
}

extension NamedEvent {
    public var recordsFailure: Bool { false }
}

/// An event as it is published: with the operation that published it and the request context it ran in.
public struct EventEnvelope<Event: NamedEvent>: Sendable {
    public var event: Event
    /// The name of the operation that published it.
    public var operation: String
    public var context: OperationContext

    public init(event: Event, operation: String, context: OperationContext) {
        self.event = event
        self.operation = operation
        self.context = context
    }
}

/// Delivers events after the command that published them committed.
public protocol EventPublisher<Event>: Sendable {
    associatedtype Event: NamedEvent
    /// Delivers one event. A failure is the subscriber's: the command has committed, and its result stands.
    func publish(_ envelope: EventEnvelope<Event>) async throws
}
