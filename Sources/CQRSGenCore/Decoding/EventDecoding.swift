/// Decodes `events`: each entry is one event, or a three-phase workflow that declares an event per phase.
///
/// ```yaml
/// events:
///   UserRegistration:               # UserRegistrationAttempted, …Succeeded, …Failed
///     category: authentication
///     audit: true
///     fields: {email: String}       # in every phase
///     attempted:
///     succeeded: {fields: {userId: UUID}, email: true}
///     failed:                       # `failureCode: String` is added
///   SessionCreated:
///     phase: operational
///     fields: {sessionId: UUID}
/// ```
enum EventDecoding {
    /// Keys an event and a three-phase entry share; a phase of the entry takes them too, overriding the entry's.
    static let commonKeys = ["description", "fields", "secret", "logging", "audit", "email", "session"]
    static let entryKeys = commonKeys + ["category", "workflow"]
    static let singleEventKeys = entryKeys + ["phase"]
    static let phaseKeys = ["name"] + commonKeys
    /// The phases a three-phase entry declares, in the order their events are listed.
    static let workflowPhases: [EventSpec.Phase] = [.attempted, .succeeded, .failed]

    static func decodeEvents(_ node: YAMLNode, _ context: inout DecodingContext) -> [EventSpec] {
        guard let entries = context.mapping(node, "'events'", expected: "a mapping of event names to events") else { return [] }
        return entries.flatMap { decodeEntry($0, &context) }
    }

    /// What an entry or a phase says, before the phase's is laid over the entry's.
    private struct Traits {
        var description: String?
        var fields: [FieldSpec] = []
        var secret: [Located<String>] = []
        var logging: Bool?
        var audit: EventSpec.Audit?
        var email: Bool?
        var session: Bool?
    }

    private static func decodeEntry(_ entry: YAMLMappingEntry, _ context: inout DecodingContext) -> [EventSpec] {
        let name = entry.key.value
        let what = "event '\(name)'"
        // An event whose details are wrong is still declared, so that commands that list it are not reported too.
        let entries = context.mapping(entry.value, what, expected: "a mapping (or empty, for an operational event)") ?? .empty
        let phaseEntries = workflowPhases.compactMap { phase in entries.entry(phase.rawValue).map { (phase, $0) } }
        let isWorkflow = !phaseEntries.isEmpty
        context.checkKeys(
            of: entries, in: what, allowed: isWorkflow ? entryKeys + workflowPhases.map(\.rawValue) : singleEventKeys,
            misplaced: isWorkflow ? ["phase": "a three-phase entry declares one event per phase key"] : [:])
        let traits = decodeTraits(entries, what: what, &context)
        let category = entries.value("category").flatMap { context.scalar($0, "'category' of \(what)", expected: "a category name") }
            .map { Located($0.value, at: $0.location) }
        let workflow = entries.value("workflow")
            .flatMap { context.scalar($0, "'workflow' of \(what)", expected: "a workflow name in snake case") }
            .map { Located($0.value, at: $0.location) }
            ?? Located(SwiftIdentifier.snakeCased(name), at: entry.key.location)

        guard isWorkflow else {
            var phase = EventSpec.Phase.operational
            if let node = entries.value("phase"), let chosen = context.choice(node, "'phase' of \(what)", of: EventSpec.Phase.self) {
                phase = chosen
            }
            return [EventSpec(
                name: name, description: traits.description, category: category, workflow: workflow, phase: phase,
                fields: traits.fields, secretFields: traits.secret, requiresLogging: traits.logging ?? true,
                audit: traits.audit ?? .off, requiresEmail: traits.email ?? false, requiresSession: traits.session ?? false,
                at: entry.key.location)]
        }
        return phaseEntries.map { phase, phaseEntry in
            let phaseWhat = "phase '\(phase.rawValue)' of \(what)"
            let phaseEntries = context.mapping(phaseEntry.value, phaseWhat, expected: "a mapping (or empty)") ?? .empty
            context.checkKeys(of: phaseEntries, in: phaseWhat, allowed: phaseKeys)
            let own = decodeTraits(phaseEntries, what: phaseWhat, &context)
            var eventName = name + phase.rawValue.prefix(1).uppercased() + phase.rawValue.dropFirst()
            var location = phaseEntry.key.location
            if let node = phaseEntries.value("name"), let scalar = context.scalar(node, "'name' of \(phaseWhat)", expected: "an event name") {
                eventName = scalar.value
                location = scalar.location
            }
            var fields = traits.fields + own.fields
            if phase == .failed {
                fields.append(FieldSpec(
                    name: EventSpec.failureCodeField,
                    type: TypeReference(text: "String", expression: .named("String"), at: phaseEntry.key.location),
                    defaultValue: nil, description: "The code of the failure.", at: phaseEntry.key.location))
            }
            return EventSpec(
                name: eventName, description: own.description ?? traits.description, category: category,
                workflow: workflow, phase: phase, fields: fields, sharedFieldCount: traits.fields.count,
                secretFields: traits.secret + own.secret, requiresLogging: own.logging ?? traits.logging ?? true,
                audit: own.audit ?? traits.audit ?? .off, requiresEmail: own.email ?? traits.email ?? false,
                requiresSession: own.session ?? traits.session ?? false, workflowEntry: name, at: location)
        }
    }

    private static func decodeTraits(_ entries: YAMLMapping, what: String, _ context: inout DecodingContext) -> Traits {
        var traits = Traits()
        traits.description = entries.value("description").flatMap { context.text($0, "'description' of \(what)") }
        if let node = entries.value("fields") {
            traits.fields = TypeDecoding.decodeFields(node, owner: what, &context)
        }
        if let node = entries.value("secret") {
            traits.secret = context.stringList(node, "'secret' of \(what)", itemDescription: "field names") ?? []
        }
        traits.logging = entries.value("logging").flatMap { context.bool($0, "'logging' of \(what)") }
        traits.email = entries.value("email").flatMap { context.bool($0, "'email' of \(what)") }
        traits.session = entries.value("session").flatMap { context.bool($0, "'session' of \(what)") }
        if let node = entries.value("audit") {
            traits.audit = decodeAudit(node, what: what, &context)
        }
        return traits
    }

    /// `audit: true` (under the event's name), `audit: false`, or `audit: ACTION_NAME`.
    private static func decodeAudit(_ node: YAMLNode, what: String, _ context: inout DecodingContext) -> EventSpec.Audit? {
        guard let scalar = context.scalar(node, "'audit' of \(what)", expected: "true, false or an audit action name") else {
            return nil
        }
        if scalar.style == .plain {
            switch scalar.value {
            case "true", "True", "TRUE": return .byName
            case "false", "False", "FALSE": return .off
            default: break
            }
        }
        return .action(Located(scalar.value, at: scalar.location))
    }
}
