import CQRS

/// Decodes `commands` and `queries`.
enum OperationDecoding {
    enum Role {
        case command, query

        var noun: String { self == .command ? "command" : "query" }
        var section: String { self == .command ? "commands" : "queries" }
    }

    static let sharedKeys = ["category", "description", "fields", "result", "handler", "runs", "http"]
    static let commandKeys = sharedKeys + ["emitsEvents", "requiresTransaction", "events"]
    static let queryKeys = sharedKeys + ["pagination", "cachePolicy"]
    static let paginationKeys = ["style"] + PaginationRole.allCases.map(\.rawValue)
    static let handlerKeys = ["name", "dependencies"]
    /// Keys of the other kind of operation, with why they do not belong.
    static let commandOnlyKeys = Dictionary(uniqueKeysWithValues: commandKeys.filter { !queryKeys.contains($0) }.map { ($0, "it applies to commands only") })
    static let queryOnlyKeys = Dictionary(uniqueKeysWithValues: queryKeys.filter { !commandKeys.contains($0) }.map { ($0, "it applies to queries only") })
    /// Keys of earlier versions of the language, with what replaced them.
    static let renamedKeys = [
        "paginated": "write 'pagination: offset' (or 'page', or 'cursor'), naming the fields that carry the page if they differ",
    ]

    static func decodeOperations(_ node: YAMLNode, role: Role, _ context: inout DecodingContext) -> [OperationSpec] {
        guard let entries = context.mapping(
            node, "'\(role.section)'", expected: "a mapping of \(role.noun) names to \(role.section)")
        else { return [] }
        return entries.compactMap { decodeOperation($0, role: role, &context) }
    }

    private static func decodeOperation(_ entry: YAMLMappingEntry, role: Role, _ context: inout DecodingContext) -> OperationSpec? {
        let name = entry.key.value
        // Messages name the operation; the phrase is built only when one is reported.
        let what = { "\(role.noun) '\(name)'" }
        guard let entries = context.mapping(entry.value, what(), expected: "a mapping with 'category' and 'description'") else {
            return nil
        }
        context.checkKeys(
            of: entries, in: what(), allowed: role == .command ? commandKeys : queryKeys,
            misplaced: (role == .command ? queryOnlyKeys : commandOnlyKeys).merging(renamedKeys) { first, _ in first })

        var category = Located("", at: entry.key.location)
        if let node = entries.value("category"), let scalar = context.scalar(node, "'category' of \(what())", expected: "a category name") {
            category = Located(scalar.value, at: scalar.location)
        } else if entries.value("category") == nil {
            context.error("\(what()) has no 'category'", at: entry.key.location)
        }
        var description = ""
        if let node = entries.value("description") {
            description = context.text(node, "'description' of \(what())") ?? ""
        } else {
            context.error("\(what()) has no 'description'; it documents the generated type", at: entry.key.location)
        }
        let fields = entries.value("fields").map { TypeDecoding.decodeFields($0, owner: what(), &context) } ?? []
        let result = entries.value("result").flatMap { context.typeReference($0, "the result of \(what())") }
        if role == .query, entries.value("result") == nil {
            context.error("\(what()) has no 'result'; a query must say what it returns", at: entry.key.location)
        }
        let handler = decodeHandler(entries.entry("handler"), operation: entry.key, &context)
        let http = entries.entry("http").flatMap { HTTPDecoding.decode($0, owner: what(), &context) }
        let runs = entries.entry("runs").flatMap { runs in
            context.stringList(runs.value, "'runs' of \(what())", itemDescription: "operation names")
                .map { Located($0, at: runs.key.location) }
        }

        let operationRole: OperationSpec.Role
        switch role {
        case .command:
            operationRole = .command(CommandTraits(
                emitsEvents: flag("emitsEvents", in: entries, default: true, owner: entry.key, &context),
                // A command that runs others has no transaction of its own: each command it runs has one.
                requiresTransaction: flag(
                    "requiresTransaction", in: entries, default: !(runs?.value.isEmpty == false), owner: entry.key, &context),
                events: entries.entry("events").flatMap { events in
                    context.stringList(events.value, "'events' of \(what())", itemDescription: "event names")
                        .map { Located($0, at: events.key.location) }
                }))
        case .query:
            var cachePolicy = Located(CachePolicy.none, at: entry.key.location)
            if let node = entries.value("cachePolicy"), let policy = context.choice(node, "'cachePolicy' of \(what())", of: CachePolicy.self) {
                cachePolicy = Located(policy, at: node.location)
            }
            operationRole = .query(QueryTraits(
                pagination: entries.entry("pagination").flatMap { decodePagination($0, owner: what(), &context) },
                cachePolicy: cachePolicy))
        }
        return OperationSpec(
            name: name, role: operationRole, category: category, description: description, fields: fields, result: result,
            handler: handler, http: http, runs: runs, at: entry.key.location)
    }

    /// `pagination: offset`, or a mapping with `style` and the fields that carry each role.
    private static func decodePagination(
        _ entry: YAMLMappingEntry, owner: @autoclosure () -> String, _ context: inout DecodingContext
    ) -> PaginationSpec? {
        let what = "'pagination' of \(owner())"
        let styleNode: YAMLNode
        var named: YAMLMapping = .empty
        if entry.value.scalar != nil {
            styleNode = entry.value
        } else {
            guard let entries = context.mapping(entry.value, what, expected: "a style, or a mapping with 'style'") else { return nil }
            context.checkKeys(of: entries, in: what, allowed: paginationKeys)
            guard let node = entries.value("style") else {
                context.error("\(what) has no 'style' (offset, page or cursor)", at: entry.key.location)
                return nil
            }
            styleNode = node
            named = entries
        }
        guard let style = context.choice(styleNode, "the style of \(what)", of: PaginationStyle.self) else { return nil }
        for named in named where named.key.value != "style" {
            if let role = PaginationRole(rawValue: named.key.value), !style.roles.contains(role) {
                context.error(
                    "'\(role.rawValue)' is not part of the '\(style.rawValue)' style, whose fields are "
                        + style.roles.map { "'\($0.rawValue)'" }.joined(separator: " and "),
                    at: named.key.location)
            }
        }
        let fields = style.roles.map { role -> PaginationSpec.Field in
            if let node = named.value(role.rawValue),
               let scalar = context.scalar(node, "'\(role.rawValue)' of \(what)", expected: "a field name")
            {
                return PaginationSpec.Field(role: role, field: Located(scalar.value, at: scalar.location))
            }
            return PaginationSpec.Field(role: role, field: Located(role.rawValue, at: styleNode.location))
        }
        return PaginationSpec(style: style, fields: fields, at: entry.key.location)
    }

    /// A boolean trait, located where it is written or, when defaulted, at the operation's name.
    private static func flag(
        _ key: String, in entries: YAMLMapping, default defaultValue: Bool, owner: YAMLScalar,
        _ context: inout DecodingContext
    ) -> Located<Bool> {
        guard let node = entries.value(key) else { return Located(defaultValue, at: owner.location) }
        let value = context.bool(node, "'\(key)' of '\(owner.value)'") ?? defaultValue
        return Located(value, at: node.location)
    }

    private static func decodeHandler(_ entry: YAMLMappingEntry?, operation: YAMLScalar, _ context: inout DecodingContext) -> HandlerSpec {
        var handler = HandlerSpec(
            name: Located(operation.value + "Handler", at: operation.location), isNameExplicit: false, dependencies: [])
        guard let entry else { return handler }
        let what = { "the handler of '\(operation.value)'" }
        guard let entries = context.mapping(entry.value, what(), expected: "a mapping with 'name' and 'dependencies'") else {
            return handler
        }
        context.checkKeys(of: entries, in: what(), allowed: handlerKeys)
        if let node = entries.value("name"), let scalar = context.scalar(node, "'name' of \(what())", expected: "a type name") {
            handler.name = Located(scalar.value, at: scalar.location)
            handler.isNameExplicit = true
        }
        if let node = entries.value("dependencies") {
            handler.dependencies = (context.stringList(
                node, "'dependencies' of \(what())", itemDescription: "dependency type names") ?? []
            ).map { Located(context.interned($0.value), at: $0.location) }
        }
        return handler
    }
}
