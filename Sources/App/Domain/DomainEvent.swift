import CQRS
import Foundation

/// Something that happened, published after a command's work: its name from the spec's `events`, when it happened,
/// and what subscribers need to know, as text.
struct DomainEvent: NamedEvent, Hashable {
    var name: DomainEventName
    var occurredAt: Date
    var attributes: [String: String]

    init(_ name: DomainEventName, at occurredAt: Date = Date(), _ attributes: [String: String] = [:]) {
        self.name = name
        self.occurredAt = occurredAt
        self.attributes = attributes
    }

    var eventName: String { name.rawValue }
}
