/// `CQRSOperations.swift`: every command and query as a struct, in spec order, documented with its metadata.
struct OperationsFile: GeneratedFileRenderer {
    static let name = "CQRSOperations.swift"

    func render(_ context: GenerationContext, into writer: inout SwiftWriter) {
        context.header("the command and query types.", into: &writer)
        for (title, operations) in [("Commands", context.spec.commands), ("Queries", context.spec.queries)] where !operations.isEmpty {
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
                // A paginated query's `limit` and `offset` (PaginationFieldsRule) let dispatch bound them.
                let paginated = operation.queryTraits?.paginated.value == true
                let conformance = operation.isCommand ? "Command" : paginated ? "PaginatedQuery" : "Query"
                writer.block("\(context.access)struct \(operation.name): \(conformance)") { writer in
                    writer.line("\(context.access)typealias Output = \(context.resultType(operation))")
                    writer.blankLine()
                    StoredPropertiesRenderer.render(operation.fields, context, into: &writer)
                }
            }
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
            if traits.paginated.value { facts.append("Paginated") }
            facts.append("Cache policy: `\(traits.cachePolicy.value.rawValue)`")
        }
        return facts
    }
}
