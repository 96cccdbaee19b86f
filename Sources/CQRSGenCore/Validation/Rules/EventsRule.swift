/// A command that does not emit events cannot list any, and a command lists each event once. When the spec declares
/// its events, every event a command lists is one of them: a typo is caught here, not when the event is published.
public struct EventsRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let declared = Set(spec.events.map(\.name))
        for command in spec.commands {
            guard let traits = command.commandTraits, let events = traits.events else { continue }
            if !traits.emitsEvents.value, !events.value.isEmpty {
                diagnostics.append(.error(
                    "command '\(command.name)' lists events but has 'emitsEvents: false'", at: events.location,
                    notes: [.init("'emitsEvents' is set to false here", at: traits.emitsEvents.location)]))
            }
            diagnostics += Duplicates.of(events.value, by: \.value).map { earlier, event in
                .error(
                    "event '\(event.value)' is listed twice for command '\(command.name)'", at: event.location,
                    notes: [.init("'\(event.value)' is first listed here", at: earlier.location)])
            }
            guard let section = spec.eventsSection else { continue }
            for event in events.value where !declared.contains(event.value) {
                let hint = Suggestion.didYouMean(event.value, among: spec.events.map(\.name))
                diagnostics.append(.error(
                    "command '\(command.name)' lists the undeclared event '\(event.value)'"
                        + (hint.isEmpty ? "; declare it under 'events'" : hint),
                    at: event.location, notes: [.init("the spec's events are declared here", at: section)]))
            }
        }
        return diagnostics
    }
}
