import CQRS

/// `CQRSEvents.swift`: the spec's domain events as typed values, the one enumeration the dispatcher delivers, and for
/// each command the value its handler publishes through, which offers only the events that command lists.
///
/// A spec without an `events` section gets a file that says so: commands' `events` are then names only, checked by
/// the dispatcher at run time instead of by the compiler.
struct EventsFile: GeneratedFileRenderer {
    static let name = CQRSGenContract.eventsFileName

    func render(_ context: GenerationContext, into writer: inout SwiftWriter) {
        context.header("the typed domain events and what each command may publish.", into: &writer)
        guard context.spec.declaresEvents else {
            writer.line("// The spec declares no 'events': its commands' events are names only (`\(GeneratedNames.domainEventName)`),")
            writer.line("// checked when they are published. Declare them under 'events' for typed payloads that the compiler checks.")
            return
        }
        for event in context.renderedEvents {
            payload(event, context, &writer)
        }
        if context.rendersShared {
            enumeration(context, &writer)
            for flag in Flag.allCases {
                flagged(flag, context, &writer)
            }
        }
        for command in context.renderedCommands where command.listsEvents {
            sink(command, context.lookups.events, context, &writer)
        }
    }

    // MARK: - Payloads

    private func payload(_ event: EventSpec, _ context: GenerationContext, _ writer: inout SwiftWriter) {
        let access = context.access
        writer.blankLine()
        writer.line(context.provenance(event.location))
        writer.documentation(event.description)
        if event.description != nil { writer.line("///") }
        for fact in Self.facts(event) { writer.line("/// - " + fact) }
        writer.block("\(access)struct \(event.name): DeclaredEvent") { writer in
            writer.line("/// What the spec declares about this event.")
            writer.line("\(access)static let metadata = DomainEventMetadata(")
            writer.line("    name: \(SwiftLiteral.string(event.name)), category: \(event.category.map { SwiftLiteral.string($0.value) } ?? "nil"),")
            writer.line("    workflow: \(SwiftLiteral.string(event.workflow.value)), phase: .\(event.phase.rawValue),")
            writer.line("    requiresLogging: \(event.requiresLogging), auditAction: \(event.auditAction.map(SwiftLiteral.string) ?? "nil"),")
            writer.line("    requiresEmail: \(event.requiresEmail), requiresSession: \(event.requiresSession),")
            writer.line("    location: \(Self.specLocation(event.location, context)))")
            writer.blankLine()
            StoredPropertiesRenderer.render(event.fields, context, into: &writer)
            writer.blankLine()
            writer.line("\(access)var eventMetadata: DomainEventMetadata { Self.metadata }")
            codingKeys(event, context, &writer)
        }
    }

    /// What the spec declares beside the payload, one fact per line of a documentation list: category, workflow and
    /// phase, then the subscribers its flags wire.
    static func facts(_ event: EventSpec) -> [String] {
        var facts: [String] = []
        if let category = event.category { facts.append("Category: `\(category.value)`") }
        facts.append("Workflow: `\(event.workflow.value)`, \(event.phase.rawValue)")
        var subscribers: [String] = []
        if event.requiresLogging { subscribers.append("logged") }
        subscribers.append(event.auditAction.map { "audited as `\($0)`" } ?? "not audited")
        if event.requiresEmail { subscribers.append("mailed") }
        if event.requiresSession { subscribers.append("acted on by the session subscriber") }
        facts.append("Subscribers: " + subscribers.joined(separator: ", "))
        return facts
    }

    private static func specLocation(_ location: SourceLocation, _ context: GenerationContext) -> String {
        "SpecLocation(file: \(SwiftLiteral.string(context.options.specPath)), line: \(location.line), column: \(location.column))"
    }

    /// Secret fields are left out of the encoding, so no log line or audit row can hold one; with snake_case wire
    /// names, the others are encoded under them, as the declared types are.
    private func codingKeys(_ event: EventSpec, _ context: GenerationContext, _ writer: inout SwiftWriter) {
        let encoded = event.fields.filter { !event.isSecret($0.name) }
        let names = encoded.map { ($0.name, context.options.wireNames.wireName(of: $0.name)) }
        guard encoded.count != event.fields.count || names.contains(where: { $0.0 != $0.1 }) else { return }
        writer.blankLine()
        guard !encoded.isEmpty else {
            writer.line("/// Every field is secret: the event encodes as an empty object.")
            writer.block("\(context.access)func encode(to encoder: any Encoder) throws") { writer in
                writer.line("var container = encoder.singleValueContainer()")
                writer.line("try container.encode([String: String]())")
            }
            return
        }
        if encoded.count != event.fields.count {
            let secrets = event.fields.filter { event.isSecret($0.name) }.map { "`\($0.name)`" }.joined(separator: ", ")
            writer.line("/// Leaves out \(secrets), which the spec marks secret.")
        }
        writer.block("private enum CodingKeys: String, CodingKey") { writer in
            for (name, wire) in names {
                let escaped = SwiftName.escaped(name)
                writer.line(wire == name ? "case \(escaped)" : "case \(escaped) = \(SwiftLiteral.string(wire))")
            }
        }
    }

    // MARK: - Every event

    private func enumeration(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        let access = context.access
        let events = context.spec.events
        writer.blankLine()
        writer.line("// MARK: - Every event")
        writer.blankLine()
        writer.line("/// Every event the spec declares, as the dispatcher delivers it to subscribers. Subscribers are wired from each")
        writer.line("/// event's ``eventMetadata`` (its audit action, its flags), or switch over the events of one flag:")
        writer.line("/// ``\(Flag.email.typeName)``, ``\(Flag.session.typeName)``.")
        writer.block("\(access)enum \(GeneratedNames.domainEvent): DeclaredEvent") { writer in
            for event in events {
                writer.line("case \(SwiftName.member(event.name))(\(event.name))")
            }
            writer.blankLine()
            writer.line("/// Every event's metadata, in spec order.")
            writer.line("\(access)static let allMetadata: [DomainEventMetadata] = [")
            for event in events {
                writer.line("    \(event.name).metadata,")
            }
            writer.line("]")
            writer.blankLine()
            writer.line("/// The event's name, as a value to compare without spelling it.")
            writer.block("\(access)var name: \(GeneratedNames.domainEventName)") { writer in
                switchOverEvents(events, &writer) { ".\(SwiftName.member($0.name))" }
            }
            writer.blankLine()
            writer.block("\(access)var eventMetadata: DomainEventMetadata") { writer in
                switchOverEvents(events, &writer, binding: true) { _ in "event.eventMetadata" }
            }
            writer.blankLine()
            writer.line("/// Encodes the payload alone, without the fields the spec marks secret.")
            writer.block("\(access)func encode(to encoder: any Encoder) throws") { writer in
                switchOverEvents(events, &writer, binding: true) { _ in "try event.encode(to: encoder)" }
            }
        }
    }

    /// `switch self { case .a(let event): … }`: one line per event.
    private func switchOverEvents(
        _ events: [EventSpec], _ writer: inout SwiftWriter, binding: Bool = false, _ body: (EventSpec) -> String
    ) {
        guard !events.isEmpty else {
            writer.line("switch self {}")
            return
        }
        writer.line("switch self {")
        for event in events {
            let pattern = "." + SwiftName.member(event.name) + (binding ? "(let event)" : "")
            writer.line("case \(pattern): \(body(event))")
        }
        writer.line("}")
    }

    // MARK: - Flags

    /// The flags that name a subscriber an application writes per event, as the spec declares them.
    enum Flag: CaseIterable {
        case email, session

        /// The enumeration nested in ``GeneratedNames/domainEvent``: `EmailEvent`.
        var nestedName: String {
            switch self {
            case .email: "EmailEvent"
            case .session: "SessionEvent"
            }
        }

        /// `DomainEvent.EmailEvent`, as documentation links it.
        var typeName: String { "\(GeneratedNames.domainEvent).\(nestedName)" }

        /// The member that narrows an event to it: `emailEvent`.
        var member: String { SwiftIdentifier.lowerCamelCased(nestedName) }

        func isSet(on event: EventSpec) -> Bool {
            switch self {
            case .email: event.requiresEmail
            case .session: event.requiresSession
            }
        }
    }

    /// A narrower enumeration of the events one flag marks, so that a subscriber switches over them exhaustively: a
    /// new email event is a compile error in the email subscriber until it has a message.
    private func flagged(_ flag: Flag, _ context: GenerationContext, _ writer: inout SwiftWriter) {
        let access = context.access
        let events = context.spec.events.filter(flag.isSet)
        let key = flag == .email ? "email" : "session"
        writer.blankLine()
        writer.block("extension \(GeneratedNames.domainEvent)") { writer in
            writer.line("/// The events the spec marks `\(key): true`, for the \(key) subscriber to switch over exhaustively.")
            if events.isEmpty {
                writer.line("\(access)enum \(flag.nestedName): Sendable, Hashable {}")
            } else {
                writer.block("\(access)enum \(flag.nestedName): Sendable, Hashable") { writer in
                    for event in events {
                        writer.line("case \(SwiftName.member(event.name))(\(event.name))")
                    }
                }
            }
            writer.blankLine()
            writer.line("/// This event as one of ``\(flag.nestedName)``, or nil when the spec does not mark it `\(key)`.")
            writer.block("\(access)var \(flag.member): \(flag.nestedName)?") { writer in
                guard !events.isEmpty else {
                    writer.line("nil")
                    return
                }
                let flaggedNames = Set(events.map(\.name))
                writer.line("switch self {")
                for event in events {
                    let member = SwiftName.member(event.name)
                    writer.line("case .\(member)(let event): .\(member)(event)")
                }
                if flaggedNames.count < context.spec.events.count {
                    writer.line("default: nil")
                }
                writer.line("}")
            }
        }
    }

    // MARK: - What each command publishes

    private func sink(
        _ command: OperationSpec, _ declared: [String: EventSpec], _ context: GenerationContext, _ writer: inout SwiftWriter
    ) {
        let access = context.access
        let events = command.listedEvents.compactMap { declared[$0] }
        let name = GeneratedNames.eventSink(of: command.name)
        writer.blankLine()
        if let location = command.commandTraits?.events?.location {
            writer.line(context.provenance(location))
        }
        writer.line("/// The events ``\(command.name)`` lists: the only ones its handler can publish.")
        writer.line("/// The handler factory gives the handler this value as `events`; what it records is delivered once the")
        writer.line("/// command commits.")
        writer.block("\(access)struct \(name): Sendable") { writer in
            writer.line("private let recorder: EventRecorder<\(GeneratedNames.domainEvent)>")
            writer.blankLine()
            writer.block("\(access)init(_ recorder: EventRecorder<\(GeneratedNames.domainEvent)>)") { writer in
                writer.line("self.recorder = recorder")
            }
            for event in events {
                writer.blankLine()
                writer.line("/// Records ``\(event.name)``, for delivery after the commit.")
                writer.block("\(access)func publish(_ event: \(event.name))") { writer in
                    writer.line("recorder.record(.\(SwiftName.member(event.name))(event))")
                }
            }
            for workflow in Self.workflows(of: events) {
                writer.blankLine()
                workflowHelper(workflow, context, &writer)
            }
        }
    }

    /// A three-phase entry whose three events a command lists.
    struct Workflow {
        var entry: String
        var attempted: EventSpec
        var succeeded: EventSpec
        var failed: EventSpec
    }

    static func workflows(of events: [EventSpec]) -> [Workflow] {
        var entries: [String] = []
        var phases: [String: [EventSpec.Phase: EventSpec]] = [:]
        for event in events {
            guard let entry = event.workflowEntry else { continue }
            if phases[entry] == nil { entries.append(entry) }
            phases[entry, default: [:]][event.phase] = event
        }
        return entries.compactMap { entry in
            guard let phase = phases[entry], let attempted = phase[.attempted], let succeeded = phase[.succeeded],
                  let failed = phase[.failed] else { return nil }
            return Workflow(entry: entry, attempted: attempted, succeeded: succeeded, failed: failed)
        }
    }

    /// `case .success: publish(Event(a: attempted.a))` on one line when it fits in 120 columns; otherwise the call on
    /// the lines below the case, its arguments wrapped.
    private static func publishCase(_ label: String, _ event: String, _ arguments: [String], _ writer: inout SwiftWriter) {
        let call = "publish(\(event)(\(arguments.joined(separator: ", "))))"
        let oneLine = "    \(label) \(call)"
        // The writer indents the helper's body by 4 within the sink's.
        guard oneLine.count + 4 > 120 else {
            writer.line(oneLine)
            return
        }
        writer.line("    \(label)")
        writer.line("        publish(\(event)(")
        var line = "            "
        for (index, argument) in arguments.enumerated() {
            let piece = argument + (index == arguments.count - 1 ? "))" : ",")
            if line.count + piece.count + 1 + 4 > 120, line.contains(where: { $0 != " " }) {
                writer.line(line)
                line = "            " + piece
            } else {
                line += (line.hasSuffix(" ") ? "" : " ") + piece
            }
        }
        writer.line(line)
    }

    /// `userRegistration(_:succeeded:failed:work:)`: publishes the attempt, runs the work, then publishes its success
    /// or its failure. A phase with no fields of its own is built from the attempt's shared fields; a failed phase's
    /// `failureCode` is the failure's code.
    private func workflowHelper(_ workflow: Workflow, _ context: GenerationContext, _ writer: inout SwiftWriter) {
        let shared = workflow.attempted.fields.prefix(workflow.attempted.sharedFieldCount)
        let sharedArguments = shared.map { "\(SwiftName.escaped($0.name)): attempted.\(SwiftName.escaped($0.name))" }
        let succeededHasOwn = workflow.succeeded.fields.count > workflow.succeeded.sharedFieldCount
        let failedHasOwn = workflow.failed.fields.count > workflow.failed.sharedFieldCount + 1
        writer.line("/// The three-phase pattern of `\(workflow.attempted.workflow.value)`: publishes `attempted`, runs `work`, then publishes")
        writer.line("/// ``\(workflow.succeeded.name)``,")
        writer.line("/// or ``\(workflow.failed.name)`` with the failure's code as `failureCode`.")
        writer.line("/// An error `work` throws is the failure `\(OperationError.unavailableCode)`.")
        writer.line("\(context.access)func \(SwiftName.member(workflow.entry))<Output>(")
        writer.line("    _ attempted: \(workflow.attempted.name),")
        if succeededHasOwn { writer.line("    succeeded: (Output) -> \(workflow.succeeded.name),") }
        if failedHasOwn { writer.line("    failed: (OperationError) -> \(workflow.failed.name),") }
        writer.line("    work: () async throws -> Result<Output, OperationError>")
        writer.line(") async -> Result<Output, OperationError> {")
        writer.line("    publish(attempted)")
        writer.line("    let result = await handling(work)")
        writer.line("    switch result {")
        if succeededHasOwn {
            writer.line("    case .success(let output): publish(succeeded(output))")
        } else {
            Self.publishCase("case .success:", workflow.succeeded.name, sharedArguments, &writer)
        }
        if failedHasOwn {
            writer.line("    case .failure(let error): publish(failed(error))")
        } else {
            let arguments = sharedArguments + ["\(EventSpec.failureCodeField): error.code"]
            Self.publishCase("case .failure(let error):", workflow.failed.name, arguments, &writer)
        }
        writer.line("    }")
        writer.line("    return result")
        writer.line("}")
    }
}
