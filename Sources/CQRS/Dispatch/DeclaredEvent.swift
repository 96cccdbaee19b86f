/// An event whose payload, category, workflow, phase and flags the spec declares under `events`: the typed events
/// cqrs-gen generates conform, and so does the one enumeration of them all that the dispatcher delivers.
///
/// Subscribers are wired from ``eventMetadata``, not from names: an audit log records every event that has an
/// ``DomainEventMetadata/auditAction``, a logger every one that ``DomainEventMetadata/requiresLogging``. Encoding an
/// event encodes its payload without the fields the spec marks `secret`, so an audit row or a log line never holds
/// one.
public protocol DeclaredEvent: NamedEvent, Hashable, Encodable {
    /// What the spec declares about this event.
    var eventMetadata: DomainEventMetadata { get }
}

extension DeclaredEvent {
    public var eventName: String { eventMetadata.name }
    /// A `failed` phase records its workflow's failure.
    public var recordsFailure: Bool { eventMetadata.phase == .failed }
}

/// What the spec declares about one event, beside its payload: the facts Dashtam's event registry holds, read from
/// the spec instead of kept by hand.
public struct DomainEventMetadata: Hashable, Sendable {
    /// Where a workflow is when an event is published: Dashtam's three-state pattern publishes `attempted` before the
    /// work and `succeeded` or `failed` after it; an event outside that pattern is `operational`.
    public enum Phase: String, Hashable, Sendable, CaseIterable, Codable {
        case attempted, succeeded, failed, operational
    }

    /// The name the spec declares it under (`UserRegistrationSucceeded`).
    public let name: String
    /// What it groups under (`authentication`), or nil when the spec gives none.
    public let category: String?
    /// The workflow it belongs to, in snake case (`user_registration`).
    public let workflow: String
    public let phase: Phase
    /// Whether a logging subscriber writes a line for it.
    public let requiresLogging: Bool
    /// The action an audit log records it under (`USER_REGISTERED`), or nil when it is not audited.
    public let auditAction: String?
    /// Whether an email subscriber sends a message for it.
    public let requiresEmail: Bool
    /// Whether a session subscriber acts on it.
    public let requiresSession: Bool
    /// Where the spec declares it.
    public let location: SpecLocation

    public init(
        name: String, category: String?, workflow: String, phase: Phase, requiresLogging: Bool, auditAction: String?,
        requiresEmail: Bool, requiresSession: Bool, location: SpecLocation
    ) {
        self.name = name
        self.category = category
        self.workflow = workflow
        self.phase = phase
        self.requiresLogging = requiresLogging
        self.auditAction = auditAction
        self.requiresEmail = requiresEmail
        self.requiresSession = requiresSession
        self.location = location
    }

    /// Whether an audit log records it.
    public var isAudited: Bool { auditAction != nil }
}
