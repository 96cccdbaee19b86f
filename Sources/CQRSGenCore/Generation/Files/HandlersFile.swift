import CQRS

/// `CQRSHandlers.swift`: a protocol per operation that its handler conforms to, and the typed factory that builds each
/// handler with exactly the dependencies the spec lists, with an override per operation for tests.
///
/// The handler types are named only inside function bodies (the factory's and the registry's), never in a
/// declaration: each body is type-checked by one compiler job, so a handler whose initialiser does not take the
/// spec's dependencies is one error, which `#sourceLocation` puts at the spec's dependency list. (A handler missing
/// altogether is the generator's own error when the build plugin passes the target's sources.) The handler types
/// may stay internal whatever the access level.
struct HandlersFile: GeneratedFileRenderer {
    static let name = CQRSGenContract.handlersFileName

    func render(_ context: GenerationContext, into writer: inout SwiftWriter) {
        context.header("handler protocols and the typed handler factory.", into: &writer)
        protocols(context, &writer)
        factory(context, &writer)
        if context.rendersShared { overrides(context, &writer) }
        dispatch(context, &writer)
        steps(context, &writer)
    }

    private func protocols(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        let operations = context.renderedOperations
        guard !operations.isEmpty else { return }
        writer.blankLine()
        writer.line("// MARK: - Handler protocols")
        for operation in operations {
            writer.blankLine()
            writer.line(context.provenance(operation.location))
            writer.line("/// What the handler of ``\(operation.name)`` conforms to: `\(operation.handler.name.value)` in the application.")
            let base = operation.isCommand ? "CommandHandler" : "QueryHandler"
            writer.line(
                "\(context.access)protocol \(GenerationContext.handlerProtocol(operation)): \(base) "
                    + "where Operation == \(operation.name), Output == \(context.resultType(operation)) {}")
        }
    }

    private func factory(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        if context.rendersShared { factoryType(context, &writer) }
        let rendered = context.renderedOperations
        for category in context.spec.categories {
            // Walked in place: the operations are many, and copying them per category cost more than rendering.
            let operations = rendered.lazy.filter { $0.category.value == category.name }
            guard !operations.isEmpty else { continue }
            writer.blankLine()
            writer.line("// MARK: \(category.name)")
            writer.blankLine()
            writer.block("extension \(GeneratedNames.handlerFactory)") { writer in
                for operation in operations {
                    writer.blankLine()
                    factoryMethod(operation, context, &writer)
                }
            }
        }
    }

    private func factoryType(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        let access = context.access
        writer.blankLine()
        writer.line("// MARK: - Handler factory")
        writer.blankLine()
        writer.line("/// Builds each operation's handler with exactly the dependencies the spec lists, from one request's dependencies")
        writer.line("/// and the app's. Make one per request; set `overrides` to substitute handlers in tests. Generic over the")
        writer.line("/// application's scope types, so that a request's scope is stored inline rather than boxed.")
        writer.block("\(access)struct \(GeneratedNames.handlerFactory)<Request: \(GeneratedNames.requestDependencies), App: \(GeneratedNames.appDependencies)>: Sendable") { writer in
            writer.line("/// The request's repositories and per-request services.")
            writer.line("\(access)let request: Request")
            writer.line("/// The app's singletons.")
            writer.line("\(access)let app: App")
            writer.line("/// Replacements for handlers, consulted before the spec's handlers are built.")
            writer.line("\(access)var overrides: \(GeneratedNames.handlerOverrides)<Request, App>")
            let overridesParameter = "overrides: \(GeneratedNames.handlerOverrides)<Request, App> = \(GeneratedNames.handlerOverrides)()"
            var parameters = ["request: Request", "app: App"]
            if context.spec.declaresEvents {
                // Declared events reach a handler only through the value its command's events allow, built on this.
                writer.line("/// The run's recorder: each command's handler publishes to it through the value its command's events allow.")
                writer.line("\(access)let events: EventRecorder<\(GeneratedNames.domainEvent)>")
                parameters.append("events: EventRecorder<\(GeneratedNames.domainEvent)>")
            }
            if context.spec.composesOperations {
                // Operations reach a handler only through the value its spec entry's `runs` allows, built on this.
                writer.line("/// What runs the operations a handler lists under `runs`, as steps of the run that built this factory.")
                writer.line("\(access)let steps: any \(GeneratedNames.operationStepRunner)")
                parameters.append("steps: any \(GeneratedNames.operationStepRunner)")
            }
            writer.blankLine()
            if parameters.count == 2 {
                writer.line("\(access)init(request: Request, app: App, \(overridesParameter)) {")
            } else {
                writer.line("\(access)init(")
                writer.line("    \(parameters.joined(separator: ", ")),")
                writer.line("    \(overridesParameter)")
                writer.line(") {")
            }
            writer.line("    self.request = request")
            writer.line("    self.app = app")
            if context.spec.declaresEvents { writer.line("    self.events = events") }
            if context.spec.composesOperations { writer.line("    self.steps = steps") }
            writer.line("    self.overrides = overrides")
            writer.line("}")
        }
    }

    private func factoryMethod(_ operation: OperationSpec, _ context: GenerationContext, _ writer: inout SwiftWriter) {
        let member = GenerationContext.factoryMember(operation)
        writer.line(context.provenance(operation.location))
        writer.line("/// Builds the handler of ``\(operation.name)``, or its override.")
        writer.block("\(context.access)func \(member)Handler() -> any \(GenerationContext.handlerProtocol(operation))") { writer in
            writer.line("if let override = overrides.\(member) {")
            writer.line("    return override(self)")
            writer.line("}")
            writer.line("return \(GenerationContext.specHandlerMethod(operation))()")
        }
        writer.blankLine()
        writer.line("/// Builds the handler the spec names for ``\(operation.name)``, whatever the overrides: as an opaque type, not an")
        writer.line("/// existential, so that dispatch calls it directly, without boxing it.")
        // Opaque, so that the handler's type is still named only in the body, under the spec's location; internal
        // whatever the configured access, as dispatch is its only caller.
        writer.block(
            "func \(GenerationContext.specHandlerMethod(operation))() -> some \(GenerationContext.handlerProtocol(operation))"
        ) { writer in
            var arguments = operation.handler.dependencies.compactMap { reference -> String? in
                guard let dependency = context.index.dependencies[reference.value] else { return nil }
                let scope = dependency.scope == .request ? "request" : "app"
                let name = SwiftName.escaped(dependency.propertyName.value)
                return "\(name): \(scope).\(name)"
            }
            // With declared events, a command's handler publishes only through the value its events allow.
            if context.spec.declaresEvents, operation.listsEvents {
                arguments.append("\(Self.eventsMember): \(GeneratedNames.eventSink(of: operation.name))(events)")
            }
            // An operation that runs others runs only those its spec entry lists.
            if operation.runsOperations {
                arguments.append("\(Self.stepsMember): \(GeneratedNames.steps(of: operation.name))(steps)")
            }
            // An initialiser that does not take the spec's dependencies is reported at the spec's dependency list.
            let dependencies = operation.handler.dependencies.first?.location ?? operation.handler.name.location
            if let quoted = context.quotedLine(dependencies) { writer.line(quoted) }
            writer.unindentedLine(context.sourceLocation(dependencies))
            writer.line("return \(operation.handler.name.value)(\(arguments.joined(separator: ", ")))")
            writer.unindentedLine("#sourceLocation()")
        }
    }

    /// The handler property a command's events value is passed as, when the spec declares its events.
    static let eventsMember = "events"
    /// The handler property an operation's steps value is passed as, when its spec entry has `runs`.
    static let stepsMember = "steps"

    private func overrides(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        let access = context.access
        writer.blankLine()
        writer.line("// MARK: - Handler overrides")
        writer.blankLine()
        writer.line("/// Replacements for handlers, one per operation: the counterpart of FastAPI's `dependency_overrides`. Each builds")
        writer.line("/// its handler from the factory, so a replacement can still use the request's dependencies.")
        writer.block("\(access)struct \(GeneratedNames.handlerOverrides)<Request: \(GeneratedNames.requestDependencies), App: \(GeneratedNames.appDependencies)>: Sendable") { writer in
            for operation in context.index.operations {
                writer.line("/// Replaces the handler of ``\(operation.name)``.")
                writer.line(
                    "\(access)var \(GenerationContext.factoryMember(operation)): "
                        + "(@Sendable (\(GeneratedNames.handlerFactory)<Request, App>) -> any \(GenerationContext.handlerProtocol(operation)))?")
            }
            if !context.index.operations.isEmpty { writer.blankLine() }
            writer.line("\(access)init() {}")
        }
    }

    /// Ties each operation type to its factory method, so that an application's one dispatch path, generic over the
    /// operation, can run any handler: without it, that path would be a hand-kept switch over every operation.
    private func dispatch(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        let access = context.access
        let operations = context.renderedOperations
        guard context.rendersShared || !operations.isEmpty else { return }
        writer.blankLine()
        writer.line("// MARK: - Dispatch")
        for (kind, base) in [("command", "Command"), ("query", "Query")] where context.rendersShared {
            writer.blankLine()
            writer.line("/// A \(kind) whose handler ``\(GeneratedNames.handlerFactory)`` builds: what lets one dispatch path run every \(kind), guided by")
            writer.line("/// its metadata.")
            let name = base == "Command" ? GeneratedNames.dispatchableCommand : GeneratedNames.dispatchableQuery
            writer.block("\(access)protocol \(name): \(base)") { writer in
                writer.line("/// The registry's entry for this \(kind).")
                writer.line("static var metadata: \(base)Metadata<\(GeneratedNames.operationCategory)> { get }")
                writer.line("/// Builds this \(kind)'s handler, or its override, with one request's factory, and runs it.")
                writer.line(
                    "static func handle<Request, App>(_ \(kind): Self, with factory: \(GeneratedNames.handlerFactory)<Request, App>) async "
                        + "-> Result<Output, OperationError>")
                writer.line("/// Every field against its spec entry's constraints: the failure that names each one broken, or nil.")
                writer.line("func fieldViolations() -> OperationError?")
            }
            writer.blankLine()
            writer.block("extension \(name)") { writer in
                writer.line("/// A \(kind) whose spec entry constrains none of its fields breaks none.")
                writer.line("@inline(__always) \(access)func fieldViolations() -> OperationError? { nil }")
            }
        }
        if context.rendersShared { dispatcherRuns(context, &writer) }
        for operation in operations {
            let kind = operation.isCommand ? "command" : "query"
            let base = operation.isCommand ? GeneratedNames.dispatchableCommand : GeneratedNames.dispatchableQuery
            writer.blankLine()
            writer.block("extension \(operation.name): \(base)") { writer in
                writer.block(
                    "@inline(__always) \(access)static func handle<Request, App>(_ \(kind): \(operation.name), with factory: \(GeneratedNames.handlerFactory)<Request, App>) async "
                        + "-> Result<\(context.resultType(operation)), OperationError>"
                ) { writer in
                    let member = GenerationContext.factoryMember(operation)
                    writer.line("if let override = factory.overrides.\(member) {")
                    writer.line("    return await override(factory).handle(\(kind))")
                    writer.line("}")
                    writer.line("return await factory.\(GenerationContext.specHandlerMethod(operation))().handle(\(kind))")
                }
                fieldViolations(operation, context, &writer)
            }
        }
    }

    /// `fieldViolations()` for an operation whose spec entry constrains some of its fields: each constraint checked,
    /// every violation kept, under the spec's line.
    private func fieldViolations(_ operation: OperationSpec, _ context: GenerationContext, _ writer: inout SwiftWriter) {
        let constrained = operation.fields.filter { !$0.constraints.isEmpty }
        guard !constrained.isEmpty else { return }
        writer.blankLine()
        writer.line("/// Every field against the constraints of its spec entry: the failure that names each one broken, or nil.")
        writer.block("\(context.access)func fieldViolations() -> OperationError?") { writer in
            writer.line("var validator = FieldValidator()")
            for field in constrained {
                let constraints = field.constraints
                let value = "self." + SwiftName.escaped(field.name)
                let name = SwiftLiteral.string(field.name)
                let message = constraints.message.map { SwiftLiteral.string($0.value) } ?? "nil"
                writer.line(context.provenance(field.location))
                if constraints.minLength != nil || constraints.maxLength != nil {
                    writer.line("validator.length(\(value), of: \(name), minimum: \(constraints.minLength.map { "\($0.value)" } ?? "nil"), "
                        + "maximum: \(constraints.maxLength.map { "\($0.value)" } ?? "nil"), message: \(message))")
                }
                if let pattern = constraints.pattern {
                    writer.line("validator.pattern(\(value), of: \(name), FieldValidator.Pattern(\(SwiftLiteral.string(pattern.value))), message: \(message))")
                }
                if let format = constraints.format {
                    writer.line("validator.format(\(value), of: \(name), .\(Self.formatCase(format.value)), message: \(message))")
                }
                if constraints.minimum != nil || constraints.maximum != nil {
                    // The bounds as the field's own type, so that they compare with it.
                    var type = field.type.expression?.description ?? "Int"
                    if type.hasSuffix("?") { type.removeLast() }
                    func bound(_ text: Located<String>?) -> String {
                        guard let text else { return "nil" }
                        return type == "Decimal" ? "Decimal(string: \(SwiftLiteral.string(text.value)))" : "\(type)(\(text.value))"
                    }
                    writer.line("validator.range(\(value), of: \(name), minimum: \(bound(constraints.minimum)), "
                        + "maximum: \(bound(constraints.maximum)), message: \(message))")
                }
                if constraints.minItems != nil || constraints.maxItems != nil {
                    writer.line("validator.count(\(value), of: \(name), minimum: \(constraints.minItems.map { "\($0.value)" } ?? "nil"), "
                        + "maximum: \(constraints.maxItems.map { "\($0.value)" } ?? "nil"), message: \(message))")
                }
            }
            writer.line("return validator.finish()")
        }
    }

    /// The step runner the application implements, and for each operation with `runs`, the value its handler runs them
    /// through: one `run` per listed operation, so that running any other is a compile error, not a review comment.
    private func steps(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        guard context.spec.composesOperations else { return }
        let access = context.access
        let runner = GeneratedNames.operationStepRunner
        let composite = context.renderedOperations.filter(\.runsOperations)
        guard context.rendersShared || !composite.isEmpty else { return }
        writer.blankLine()
        writer.line("// MARK: - Steps")
        if context.rendersShared { stepRunner(context, &writer) }
        for operation in composite {
            let name = GeneratedNames.steps(of: operation.name)
            writer.blankLine()
            writer.line(context.provenance(operation.runs?.location ?? operation.location))
            writer.line("/// The operations the handler of ``\(operation.name)`` runs, and only those: its spec entry's `runs`. Running any")
            writer.line("/// other does not compile.")
            writer.block("\(access)struct \(name): Sendable") { writer in
                writer.line("private let runner: any \(runner)")
                writer.blankLine()
                writer.line("/// Steps run by `runner`: the factory's, or a test's.")
                writer.line("\(access)init(_ runner: any \(runner)) {")
                writer.line("    self.runner = runner")
                writer.line("}")
                for item in operation.runs?.value ?? [] {
                    guard let step = context.lookups.operations[item.value] else { continue }
                    let kind = step.isCommand ? "command" : "query"
                    writer.blankLine()
                    writer.line("/// Runs ``\(step.name)``.")
                    writer.block(
                        "\(access)func run(_ \(kind): \(step.name)) async -> Result<\(context.resultType(step)), OperationError>"
                    ) { writer in
                        writer.line("await runner.run(\(kind))")
                    }
                }
            }
        }
    }

    /// The protocol the application's step runner conforms to.
    private func stepRunner(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        let access = context.access
        let runner = GeneratedNames.operationStepRunner
        writer.blankLine()
        writer.line("/// Runs an operation that another's handler lists under `runs`, as a step of that run: through the application's")
        writer.line("/// one dispatch path (its behaviours, its own transaction, its events), with the context of the run that asked.")
        writer.block("\(access)protocol \(runner): Sendable") { writer in
            writer.line("/// Runs `command` as a step of another operation.")
            writer.line("func run<C: \(GeneratedNames.dispatchableCommand)>(_ command: C) async -> Result<C.Output, OperationError>")
            writer.line("/// Runs `query` as a step of another operation.")
            writer.line("func run<Q: \(GeneratedNames.dispatchableQuery)>(_ query: Q) async -> Result<Q.Output, OperationError>")
        }
    }

    /// The runtime's name of a format's case.
    static func formatCase(_ format: FieldValidator.Format) -> String {
        switch format {
        case .email: "email"
        case .uuid: "uuid"
        case .date: "date"
        case .dateTime: "dateTime"
        case .uri: "uri"
        }
    }

    /// The runtime's dispatcher, typed for this spec: an operation in, its output out, with its metadata from the
    /// registry and its handler from the factory the application builds around the run's event recorder.
    private func dispatcherRuns(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        let access = context.access
        let factory = "\(GeneratedNames.handlerFactory)<Request, App>"
        writer.blankLine()
        writer.block("extension OperationDispatcher where Category == \(GeneratedNames.operationCategory)") { writer in
            writer.line("/// Runs `command` through the one dispatch path: its behaviours, its transaction of `unitOfWork`, its")
            writer.line("/// events after the commit. `factory` builds the request's handlers around the run's event recorder.")
            writer.line("\(access)func run<C: \(GeneratedNames.dispatchableCommand), Request, App>(")
            writer.line("    _ command: C, context: OperationContext, unitOfWork: some UnitOfWork,")
            writer.line("    factory: @Sendable (EventRecorder<Event>) -> \(factory)")
            writer.block(") async -> Result<C.Output, OperationError>") { writer in
                writer.line("// A command whose fields break their constraints is refused inside the behaviours, before its handler.")
                writer.line("await run(")
                writer.line("    command, metadata: C.metadata, context: context, unitOfWork: unitOfWork,")
                writer.line("    refusal: command.fieldViolations()")
                writer.line(") { recorder in")
                writer.line("    await C.handle(command, with: factory(recorder))")
                writer.line("}")
            }
            writer.blankLine()
            writer.line("/// Runs `query` through the one dispatch path: its behaviours, its page bounds, its cache.")
            writer.line("\(access)func run<Q: \(GeneratedNames.dispatchableQuery), Request, App>(")
            writer.line("    _ query: Q, context: OperationContext,")
            writer.line("    factory: @Sendable (EventRecorder<Event>) -> \(factory)")
            writer.block(") async -> Result<Q.Output, OperationError>") { writer in
                writer.line("await run(query, metadata: Q.metadata, context: context, refusal: query.fieldViolations()) { recorder in")
                writer.line("    await Q.handle(query, with: factory(recorder))")
                writer.line("}")
            }
        }
    }
}
