import CQRS

/// `CQRSOperations.swift`: every command and query as a struct, in spec order, documented with its metadata.
struct OperationsFile: GeneratedFileRenderer {
    static let name = CQRSGenContract.operationsFileName

    func render(_ context: GenerationContext, into writer: inout SwiftWriter) {
        context.header("the command and query types.", into: &writer)
        for (title, operations) in [("Commands", context.renderedCommands), ("Queries", context.renderedQueries)] {
            guard !operations.isEmpty else { continue }
            writer.blankLine()
            writer.line("// MARK: - \(title)")
            for operation in operations {
                writer.blankLine()
                writer.line(context.provenance(operation.location))
                writer.documentation(operation.description)
                writer.line("///")
                for fact in Self.facts(about: operation) {
                    writer.line("/// - \(fact)")
                }
                let pagination = operation.queryTraits?.pagination
                let conformance = operation.isCommand ? "Command" : pagination != nil ? "PaginatedQuery" : "Query"
                writer.block("\(context.access)struct \(operation.name): \(conformance)") { writer in
                    writer.line("\(context.access)typealias Output = \(context.resultType(operation))")
                    writer.blankLine()
                    StoredPropertiesRenderer.render(operation.fields, context, into: &writer)
                    if let pagination {
                        // The fields PaginationFieldsRule checked, as the runtime's page request: dispatch bounds it.
                        writer.blankLine()
                        writer.line("/// The page this query asks for, from its `pagination` fields.")
                        writer.line("\(context.access)var pageRequest: PageRequest { \(Self.pageRequest(pagination)) }")
                    }
                }
            }
        }
    }

    /// `.offset(limit: limit, offset: offset)`: the page request built from the fields each role names.
    static func pageRequest(_ pagination: PaginationSpec) -> String {
        func field(_ role: PaginationRole) -> String { SwiftName.escaped(pagination.field(for: role)?.value ?? role.rawValue) }
        switch pagination.style {
        case .offset: return ".offset(limit: \(field(.limit)), offset: \(field(.offset)))"
        case .page: return ".page(number: \(field(.page)), size: \(field(.size)))"
        case .cursor: return ".cursor(\(field(.cursor)), limit: \(field(.limit)))"
        }
    }

    /// The metadata a reader of the type wants at hand, as documentation bullet points.
    static func facts(about operation: OperationSpec) -> [String] {
        var facts = ["Category: `\(operation.category.value)`", "Handler: `\(operation.handler.name.value)`"]
        if let traits = operation.commandTraits {
            let events = traits.events?.value.map { "`\($0.value)`" } ?? []
            facts.append(traits.emitsEvents.value
                ? "Emits events" + (events.isEmpty ? "" : ": " + events.joined(separator: ", "))
                : "Emits no events")
            facts.append(traits.requiresTransaction.value ? "Runs in a transaction" : "Runs without a transaction")
        }
        if let traits = operation.queryTraits {
            if let pagination = traits.pagination { facts.append("Paginated (\(pagination.style.rawValue))") }
            facts.append("Cache policy: `\(traits.cachePolicy.value.rawValue)`")
        }
        return facts
    }
}
