/// A command that does not emit events cannot list any, and a command lists each event once.
public struct EventsRule: ValidationRule {
    public init() {}

    public func validate(_ spec: Spec, _ index: SpecIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
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
        }
        return diagnostics
    }
}
