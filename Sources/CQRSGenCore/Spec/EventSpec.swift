import CQRS

/// One domain event the spec declares under `events`: its payload, what it groups under, the workflow and phase it
/// marks, and which subscribers it requires. A three-phase entry (`UserRegistration:` with `attempted`, `succeeded`
/// and `failed`) declares one of these per phase, each sharing the entry's fields and flags.
public struct EventSpec: Hashable, Sendable {
    public typealias Phase = DomainEventMetadata.Phase

    /// Whether it is audited, and under which action.
    public enum Audit: Hashable, Sendable {
        case off
        /// `audit: true`: under the event's name in upper snake case.
        case byName
        /// `audit: ACTION`.
        case action(Located<String>)
    }

    public var name: String
    public var description: String?
    public var category: Located<String>?
    /// In snake case; the entry's name in snake case unless the spec says otherwise.
    public var workflow: Located<String>
    public var phase: Phase
    /// The payload: the entry's shared fields first, then the phase's own, then (for a failed phase) `failureCode`.
    public var fields: [FieldSpec]
    /// How many of ``fields`` the three-phase entry shares with its other phases.
    public var sharedFieldCount: Int
    /// The payload fields that are never encoded (logged or audited): tokens a subscriber needs and nothing keeps.
    public var secretFields: [Located<String>]
    public var requiresLogging: Bool
    public var audit: Audit
    public var requiresEmail: Bool
    public var requiresSession: Bool
    /// The name of the three-phase entry that declares it (`UserRegistration`), or nil for a single event.
    public var workflowEntry: String?
    public var location: SourceLocation

    public init(
        name: String, description: String? = nil, category: Located<String>? = nil, workflow: Located<String>,
        phase: Phase = .operational, fields: [FieldSpec] = [], sharedFieldCount: Int = 0, secretFields: [Located<String>] = [],
        requiresLogging: Bool = true, audit: Audit = .off, requiresEmail: Bool = false, requiresSession: Bool = false,
        workflowEntry: String? = nil, at location: SourceLocation
    ) {
        self.name = name
        self.description = description
        self.category = category
        self.workflow = workflow
        self.phase = phase
        self.fields = fields
        self.sharedFieldCount = sharedFieldCount
        self.secretFields = secretFields
        self.requiresLogging = requiresLogging
        self.audit = audit
        self.requiresEmail = requiresEmail
        self.requiresSession = requiresSession
        self.workflowEntry = workflowEntry
        self.location = location
    }

    /// The action an audit log records it under, or nil.
    public var auditAction: String? {
        switch audit {
        case .off: nil
        case .byName: SwiftIdentifier.snakeCased(name).uppercased()
        case .action(let action): action.value
        }
    }

    /// The field every failed phase carries: the code of the failure, filled in by the generated workflow helper.
    public static let failureCodeField = "failureCode"

    public func isSecret(_ field: String) -> Bool {
        secretFields.contains { $0.value == field }
    }
}
