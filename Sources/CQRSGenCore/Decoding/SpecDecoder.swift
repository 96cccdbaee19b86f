/// Turns the YAML tree into a `Spec`, reporting every key it does not know and every value of the wrong shape.
///
/// The decoder knows the spec language's grammar, not its meaning: it does not look names up or compare parts of the
/// spec with each other. That is the validator's job, which runs on whatever the decoder could make of the file,
/// so one run reports the problems of both kinds.
public struct SpecDecoder: Sendable {
    public struct Result: Sendable {
        /// Nil only when the file is not a mapping of sections at all.
        public var spec: Spec?
        public var diagnostics: [Diagnostic]
    }

    static let topLevelKeys = ["version", "categories", "dependencies", "types", "commands", "queries", "events", "errors"]

    public init() {}

    public func decode(_ root: YAMLNode) -> Result {
        var context = DecodingContext()
        guard let entries = root.mapping else {
            if let scalar = root.scalar, scalar.isNull {
                // An empty document (`---` alone) has its null root after the marker; the file's start reads better.
                context.error("the spec must be a mapping that starts with 'version: 1', but it is empty", at: .startOfFile)
            } else {
                context.error(
                    "the spec must be a mapping of sections ('version', 'commands', …), not \(root.kindDescription)",
                    at: root.location)
            }
            return Result(spec: nil, diagnostics: context.diagnostics)
        }
        context.checkKeys(
            of: entries, in: "the spec", allowed: Self.topLevelKeys,
            misplaced: ["conventions": "naming conventions are set in cqrs-gen-config.yaml, under 'naming'"])

        var spec = Spec(version: decodeVersion(entries, root: root, &context))
        if let node = entries.value("categories") {
            spec.categories = decodeCategories(node, &context)
        }
        if let node = entries.value("dependencies") {
            (spec.requestDependencies, spec.appDependencies) = decodeDependencies(node, &context)
        }
        // The large sections are independent of each other: decode them on all cores, each with its own diagnostics.
        // The loader sorts diagnostics by position, so the order they are found in does not matter.
        let sections = LargeSection.allCases.concurrentMap { section in
            Self.decode(section, entries.value(section.rawValue))
        }
        for section in sections {
            context.diagnostics += section.diagnostics
        }
        spec.types = sections[0].types
        spec.commands = sections[1].operations
        spec.queries = sections[2].operations
        if let entry = entries.entry("events") {
            spec.eventsSection = entry.key.location
            spec.events = EventDecoding.decodeEvents(entry.value, &context)
        }
        if let entry = entries.entry("errors") {
            spec.errorsSection = entry.key.location
            spec.errorCodes = decodeErrorCodes(entry.value, &context)
        }
        spec.detachDefaultValues()
        return Result(spec: spec, diagnostics: context.diagnostics)
    }

    /// The sections that hold one entry per type or operation, in this order.
    private enum LargeSection: String, CaseIterable, Sendable {
        case types, commands, queries
    }

    private struct DecodedSection: Sendable {
        var types: [TypeSpec] = []
        var operations: [OperationSpec] = []
        var diagnostics: [Diagnostic] = []
    }

    private static func decode(_ section: LargeSection, _ node: YAMLNode?) -> DecodedSection {
        var decoded = DecodedSection()
        guard let node else { return decoded }
        var context = DecodingContext()
        switch section {
        case .types: decoded.types = TypeDecoding.decodeTypes(node, &context)
        case .commands: decoded.operations = OperationDecoding.decodeOperations(node, role: .command, &context)
        case .queries: decoded.operations = OperationDecoding.decodeOperations(node, role: .query, &context)
        }
        decoded.diagnostics = context.diagnostics
        return decoded
    }

    private func decodeVersion(_ entries: YAMLMapping, root: YAMLNode, _ context: inout DecodingContext) -> Located<Int> {
        guard let entry = entries.entry("version") else {
            context.error("the spec has no 'version'; add 'version: 1' at the top", at: root.location)
            return Located(1, at: root.location)
        }
        guard let version = context.integer(entry.value, "'version'") else {
            return Located(1, at: entry.value.location)
        }
        if version != 1 {
            context.error("unsupported spec version \(version); this cqrs-gen reads version 1", at: entry.value.location)
        }
        return Located(version, at: entry.value.location)
    }

    private func decodeCategories(_ node: YAMLNode, _ context: inout DecodingContext) -> [CategorySpec] {
        let what = "'categories'"
        guard let entries = context.mapping(node, what, expected: "a mapping of category names to descriptions") else {
            return []
        }
        return entries.compactMap { entry in
            guard let description = context.text(entry.value, "the description of category '\(entry.key.value)'") else {
                return nil
            }
            return CategorySpec(name: entry.key.value, description: description, at: entry.key.location)
        }
    }

    /// `code: what it means`, each code snake_case, as it goes on the wire.
    private func decodeErrorCodes(_ node: YAMLNode, _ context: inout DecodingContext) -> [ErrorCodeSpec] {
        guard let entries = context.mapping(node, "'errors'", expected: "a mapping of error codes to descriptions") else {
            return []
        }
        return entries.compactMap { entry in
            guard SwiftIdentifier.isSnakeCase(entry.key.value) else {
                context.error(
                    "error code '\(entry.key.value)' must be snake_case, such as 'session_not_found'", at: entry.key.location)
                return nil
            }
            guard let description = context.text(entry.value, "the description of error '\(entry.key.value)'") else {
                return nil
            }
            return ErrorCodeSpec(code: entry.key.value, description: description, at: entry.key.location)
        }
    }

    private func decodeDependencies(_ node: YAMLNode, _ context: inout DecodingContext) -> ([DependencySpec], [DependencySpec]) {
        let scopes = DependencySpec.Scope.allCases.map(\.rawValue)
        guard let entries = context.mapping(node, "'dependencies'", expected: "a mapping with 'request' and 'app'") else {
            return ([], [])
        }
        context.checkKeys(of: entries, in: "'dependencies'", allowed: scopes)
        func decode(_ scope: DependencySpec.Scope) -> [DependencySpec] {
            guard let node = entries.value(scope.rawValue) else { return [] }
            let what = "'dependencies.\(scope.rawValue)'"
            guard let types = context.mapping(node, what, expected: "a mapping of type names to dependencies") else {
                return []
            }
            return types.map { decodeDependency($0, scope: scope, &context) }
        }
        return (decode(.request), decode(.app))
    }

    static let dependencyKeys = ["name", "kind", "description"]

    private func decodeDependency(
        _ entry: YAMLMappingEntry, scope: DependencySpec.Scope, _ context: inout DecodingContext
    ) -> DependencySpec {
        let typeName = entry.key.value
        let what = "dependency '\(typeName)'"
        // A dependency whose details are wrong is still declared, with the defaults, so handlers that list it are
        // not reported as well.
        let entries = context.mapping(entry.value, what, expected: "a mapping (or empty, for the defaults)") ?? .empty
        context.checkKeys(of: entries, in: what, allowed: Self.dependencyKeys)
        var propertyName = Located(DependencySpec.defaultPropertyName(for: typeName), at: entry.key.location)
        if let node = entries.value("name"), let scalar = context.scalar(node, "'name' of \(what)", expected: "a property name") {
            propertyName = Located(scalar.value, at: scalar.location)
        }
        var kind = DependencySpec.Kind.protocol
        if let node = entries.value("kind"), let chosen = context.choice(node, "'kind' of \(what)", of: DependencySpec.Kind.self) {
            kind = chosen
        }
        let description = entries.value("description").flatMap { context.text($0, "'description' of \(what)") }
        return DependencySpec(
            typeName: typeName, propertyName: propertyName, kind: kind, scope: scope, description: description,
            at: entry.key.location)
    }
}

extension Spec {
    /// Moves every field's default, and every value a route sets, out of the spec's document into one small document
    /// of their own, so that the large one is freed once decoding ends.
    mutating func detachDefaultValues() {
        var extract = YAMLDocument.Extract()
        var copies: [Int] = []
        let lists = types.map(\.fields) + commands.map(\.fields) + queries.map(\.fields) + events.map(\.fields)
        for field in lists.joined() {
            if let value = field.defaultValue { copies.append(extract.copy(value)) }
        }
        // After the defaults, in the same order below: commands', then queries' routes, each binding in order.
        let routeValues = (commands + queries).flatMap { $0.http?.fields.compactMap(\.fixedValue) ?? [] }
        for value in routeValues { copies.append(extract.copy(value)) }
        guard !copies.isEmpty else { return }
        let document = extract.document()
        var next = copies.makeIterator()
        func reattach(_ fields: inout [FieldSpec]) {
            for index in fields.indices where fields[index].defaultValue != nil {
                fields[index].defaultValue = YAMLNode(document: document, index: next.next()!)
            }
        }
        // The same order as above: declared types', then commands', then queries'. Only lists with a default change.
        for index in types.indices {
            guard case .structure(var fields) = types[index].body, fields.contains(where: { $0.defaultValue != nil }) else { continue }
            reattach(&fields)
            types[index].body = .structure(fields)
        }
        for index in commands.indices where commands[index].fields.contains(where: { $0.defaultValue != nil }) {
            reattach(&commands[index].fields)
        }
        for index in queries.indices where queries[index].fields.contains(where: { $0.defaultValue != nil }) {
            reattach(&queries[index].fields)
        }
        for index in events.indices where events[index].fields.contains(where: { $0.defaultValue != nil }) {
            reattach(&events[index].fields)
        }
        func reattachRouteValues(_ operations: inout [OperationSpec]) {
            for index in operations.indices {
                guard var http = operations[index].http, http.fields.contains(where: { $0.fixedValue != nil }) else { continue }
                for binding in http.fields.indices where http.fields[binding].fixedValue != nil {
                    http.fields[binding].fixedValue = YAMLNode(document: document, index: next.next()!)
                }
                operations[index].http = http
            }
        }
        reattachRouteValues(&commands)
        reattachRouteValues(&queries)
    }
}
