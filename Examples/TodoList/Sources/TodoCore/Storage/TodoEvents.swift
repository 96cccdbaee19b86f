import CQRS
import Foundation

/// What the to-do app's commands publish: the spec's event name and what it is about.
public struct TodoEvent: NamedEvent, Hashable {
    public var eventName: String
    /// The list or item the event is about.
    public var subject: UUID

    public init(_ eventName: String, subject: UUID) {
        self.eventName = eventName
        self.subject = subject
    }
}

/// Where handlers record their events: what the spec's `TodoEvents` dependency is. The dispatcher gives each command
/// a recorder of its own and publishes what it recorded only if the command succeeded, and only the events the
/// spec lists for it.
public protocol TodoEvents: Sendable {
    func record(_ event: TodoEvent)
}

extension EventRecorder: TodoEvents where Event == TodoEvent {}
