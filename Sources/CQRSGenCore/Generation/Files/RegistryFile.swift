/// `CQRSRegistry.swift`: the category enumeration, the domain event names, and the registry of every operation
/// with its metadata, in spec order.
struct RegistryFile: GeneratedFileRenderer {
    static let name = CQRSGenContract.registryFileName

    func render(_ context: GenerationContext, into writer: inout SwiftWriter) {
        context.header("categories, event names and the operation registry.", into: &writer)
        if context.rendersShared {
            categories(context, &writer)
            events(context, &writer)
            errorCodes(context, &writer)
        }
        registry(context, &writer)
    }

    private func categories(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        writer.blankLine()
        writer.line("// MARK: - Categories")
        writer.blankLine()
        writer.line("/// The categories operations belong to; raw values are the spec's names.")
        guard !context.spec.categories.isEmpty else {
            Self.uninhabited(GeneratedNames.operationCategory, conformances: "RegistryCategory", context, &writer)
            return
        }
        writer.block("\(context.access)enum \(GeneratedNames.operationCategory): String, RegistryCategory") { writer in
            for category in context.spec.categories {
                writer.line(context.provenance(category.location))
                writer.documentation(category.description)
                let name = SwiftName.categoryCase(category.name)
                let needsRawValue = SwiftIdentifier.lowerCamelCased(category.name) != category.name
                writer.line(needsRawValue ? "case \(name) = \(SwiftLiteral.string(category.name))" : "case \(name)")
            }
        }
    }

    private func events(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        var seen: Set<String> = []
        // Declared events are all named, in spec order; otherwise the names commands list, in the order first listed.
        let events = context.spec.declaresEvents
            ? context.spec.events.map(\.name)
            : context.spec.commands.flatMap { $0.commandTraits?.events?.value.map(\.value) ?? [] }.filter { seen.insert($0).inserted }
        writer.blankLine()
        writer.line("// MARK: - Domain events")
        writer.blankLine()
        writer.line(context.spec.declaresEvents
            ? "/// The name of every domain event the spec declares, in spec order; raw values are the events' names."
            : "/// Every domain event the spec's commands publish, in the order first listed; raw values are the events' names.")
        let conformances = "Sendable, Hashable, Codable, CaseIterable"
        guard !events.isEmpty else {
            Self.uninhabited(GeneratedNames.domainEventName, conformances: "RawRepresentable, " + conformances, context, &writer)
            return
        }
        writer.block("\(context.access)enum \(GeneratedNames.domainEventName): String, \(conformances)") { writer in
            for event in events {
                writer.line("case \(SwiftName.member(event)) = \(SwiftLiteral.string(event))")
            }
        }
    }

    /// The declared failure codes as a type: a handler fails with `OperationError(.sessionNotFound, message: …)`, and a
    /// test or a client compares `declaredCode` with a case, so that a misspelt code does not compile.
    private func errorCodes(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        guard context.spec.declaresErrors else { return }
        let access = context.access
        let name = GeneratedNames.operationErrorCode
        writer.blankLine()
        writer.line("// MARK: - Error codes")
        writer.blankLine()
        writer.line("/// Every failure code the spec declares, in spec order; raw values are the codes on the wire.")
        let conformances = "Sendable, Hashable, Codable, CaseIterable"
        if context.spec.errorCodes.isEmpty {
            Self.uninhabited(name, conformances: "RawRepresentable, " + conformances, context, &writer)
        } else {
            writer.block("\(access)enum \(name): String, \(conformances)") { writer in
                for error in context.spec.errorCodes {
                    writer.line(context.provenance(error.location))
                    writer.documentation(error.description)
                    writer.line("case \(SwiftName.categoryCase(error.code)) = \(SwiftLiteral.string(error.code))")
                }
            }
        }
        writer.blankLine()
        writer.block("extension OperationError") { writer in
            writer.line("/// A failure with one of the spec's codes.")
            writer.block("\(access)init(_ code: \(name), message: String)") { writer in
                writer.line("self.init(code: code.rawValue, message: message)")
            }
            writer.blankLine()
            writer.line("/// This failure's code, when the spec declares it; nil for another, such as the runtime's `unavailable`.")
            writer.line("\(access)var declaredCode: \(name)? { \(name)(rawValue: code) }")
        }
    }

    /// An enumeration with no cases still needs its raw values: Swift refuses a raw type on an empty enum, so the
    /// conformance is written out, for a type that can have no values.
    private static func uninhabited(_ name: String, conformances: String, _ context: GenerationContext, _ writer: inout SwiftWriter) {
        writer.block("\(context.access)enum \(name): \(conformances)") { writer in
            writer.line("\(context.access)init?(rawValue: String) { nil }")
            writer.line("\(context.access)var rawValue: String { switch self {} }")
        }
    }

    private func registry(_ context: GenerationContext, _ writer: inout SwiftWriter) {
        let access = context.access
        // Each operation's entry is a declaration of its own, so that the compiler type-checks the entries one by one:
        // one array literal of thousands of initialiser calls takes the type checker minutes and gigabytes.
        let commands = context.renderedCommands
        let queries = context.renderedQueries
        if !commands.isEmpty || !queries.isEmpty {
            writer.blankLine()
            writer.line("// MARK: - Metadata")
        }
        for command in commands {
            let traits = command.commandTraits
            entry(command, "CommandMetadata", context, &writer, fields: [
                ("commandType", "\(command.name).self"),
                ("handlerType", "\(command.handler.name.value).self"),
                ("category", "." + SwiftName.categoryCase(command.category.value)),
                ("resultType", command.result.map { "\(context.swiftType($0)).self" } ?? "nil"),
                ("resultTypeName", command.result.map { SwiftLiteral.string(context.swiftType($0)) } ?? "nil"),
                ("hasResultDTO", "\(command.hasResultDTO(isDeclaredType: { context.index.types[$0] != nil }))"),
                ("emitsEvents", "\(traits?.emitsEvents.value ?? true)"),
                ("requiresTransaction", "\(traits?.requiresTransaction.value ?? true)"),
                ("events", SwiftLiteral.stringArray(traits?.events?.value.map(\.value) ?? [])),
            ])
        }
        for query in queries {
            let traits = query.queryTraits
            let result = context.resultType(query)
            entry(query, "QueryMetadata", context, &writer, fields: [
                ("queryType", "\(query.name).self"),
                ("handlerType", "\(query.handler.name.value).self"),
                ("category", "." + SwiftName.categoryCase(query.category.value)),
                ("resultType", "\(result).self"),
                ("resultTypeName", SwiftLiteral.string(result)),
                ("pagination", traits?.pagination.map {
                    "PaginationMetadata(style: .\($0.style.rawValue), maximumPageSize: \(context.options.maximumPageSize))"
                } ?? "nil"),
                ("cachePolicy", "." + (traits?.cachePolicy.value.rawValue ?? "none")),
            ])
        }
        guard context.rendersShared else { return }
        writer.blankLine()
        writer.line("// MARK: - Registry")
        writer.blankLine()
        writer.line("/// Every command and query of the application with its metadata, in spec order.")
        writer.block("\(access)enum \(GeneratedNames.operationRegistry)") { writer in
            writer.line("/// The registry and its views.")
            let events = context.spec.declaresEvents ? ", events: \(GeneratedNames.domainEvent).allMetadata" : ""
            writer.line("\(access)static let shared = Registry<\(GeneratedNames.operationCategory)>(")
            writer.line("    commands: commands, queries: queries, routes: \(GeneratedNames.operationRoutes).all\(events))")
            writer.blankLine()
            writer.line("/// Every command, in spec order.")
            writer.line("\(access)static let commands: [CommandMetadata<\(GeneratedNames.operationCategory)>] = [")
            for command in context.spec.commands {
                writer.line("    \(command.name).metadata,")
            }
            writer.line("]")
            writer.blankLine()
            writer.line("/// Every query, in spec order.")
            writer.line("\(access)static let queries: [QueryMetadata<\(GeneratedNames.operationCategory)>] = [")
            for query in context.spec.queries {
                writer.line("    \(query.name).metadata,")
            }
            writer.line("]")
        }
    }

    private func entry(
        _ operation: OperationSpec, _ initialiser: String, _ context: GenerationContext, _ writer: inout SwiftWriter,
        fields: [(String, String)]
    ) {
        let location = "SpecLocation(file: \(SwiftLiteral.string(context.options.specPath)), line: \(operation.location.line), column: \(operation.location.column))"
        let all = fields + [("description", SwiftLiteral.string(operation.description)), ("location", location)]
        writer.blankLine()
        writer.line(context.provenance(operation.location))
        writer.block("extension \(operation.name)") { writer in
            writer.line("/// The registry's entry for ``\(operation.name)``.")
            // Typed, so that no other file's compilation has to type-check the entry to learn its type.
            writer.line("\(context.access)static let metadata: \(initialiser)<\(GeneratedNames.operationCategory)> = \(initialiser)(")
            for (index, field) in all.enumerated() {
                writer.line("    \(field.0): \(field.1)" + (index == all.count - 1 ? "" : ","))
            }
            writer.line(")")
        }
    }
}
