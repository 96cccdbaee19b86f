import CQRSGenCore

/// A seeded random spec that the validator accepts, and the application code that its generated Swift needs to
/// compile: dependency types, both scopes, and a handler per operation. The names and texts are chosen to be hard on
/// the generator: Swift keywords as field and case names, `self` and `default`; descriptions and defaults with `*/`,
/// `"""`, backslashes, `\(`, quotes, line breaks and non-ASCII text; optionals, arrays and dictionaries of declared
/// types; cases spelled like Optional's members or keywords (`none`, `some`, `init`, `self`, `default`) chosen as
/// defaults of optional fields; Int-backed enumerations; a generic type used with arguments; every pagination style.
/// One spec in four names a type after a declaration of the generated code, the runtime or the standard library
/// (`GeneratedNames.reserved`), which the validator must refuse at that line, since it could not compile.
struct RandomSpec {
    private(set) var spec = "version: 1\n"
    private(set) var application = "import CQRS\nimport Foundation\n"
    /// The reserved name a type was given, and the line it is declared on.
    private(set) var reservedName: (name: String, line: Int)?
    private var random: PermutedCongruentialGenerator

    init(seed: UInt64) {
        random = PermutedCongruentialGenerator(seed: seed)
        build()
    }

    // MARK: - Pools

    static let fieldNames = [
        "id", "name", "self", "default", "class", "protocol", "func", "in", "is", "where", "return", "true", "nil",
        "init", "subscript", "type", "some", "any", "async", "await", "throws", "inout", "static", "email", "count",
    ]
    static let caseNames = [
        "active", "default", "inUse", "class", "protocol", "for", "none", "pending", "case", "some", "init", "self", "type",
    ]
    static let texts = [
        "Ends a comment */ early.",
        "Opens /* a comment.",
        "Triple \"\"\" quotes and a \"quoted\" word.",
        "A backslash \\ and an interpolation \\(exit(1)).",
        "Ünïcödé — ✓ 🚀 日本語",
        "Two lines,\nthe second after a break.",
        "A tab\tinside, and a carriage return\r\nbefore this.",
        "#sourceLocation(file: \"x\", line: 1) in prose.",
        "Plain words.",
    ]
    static let builtins = ["String", "Int", "Bool", "Double", "Decimal", "UUID", "Date", "URL", "Int64", "UInt8"]
    static let commandVerbs = ["Register", "Create", "Update", "Sync", "Import", "Revoke", "Link"]
    static let nouns = ["User", "Account", "Token", "Session", "Holding", "Invoice"]

    private struct Dependency {
        let type: String
        let property: String
        let isProtocol: Bool
    }

    private struct Operation {
        let name: String
        let isCommand: Bool
        let result: String?
        let handler: String
        let dependencies: [Dependency]
    }

    // MARK: - Building

    private mutating func build() {
        let categories = Array(["auth", "data_sync", "import", "default", "class_room"].shuffled(using: &random).prefix(pick(1...3)))
        spec += "categories:\n"
        for category in categories {
            spec += "  \(category): \(quoted(text()))\n"
        }

        let request = pickSome([
            Dependency(type: "UserRepository", property: "userRepository", isProtocol: true),
            Dependency(type: "SessionStore", property: "sessions", isProtocol: true),
            Dependency(type: "AuditLog", property: "auditLog", isProtocol: false),
        ])
        let app = pickSome([
            Dependency(type: "EventBus", property: "eventBus", isProtocol: true),
            Dependency(type: "WallClock", property: "clock", isProtocol: false),
        ])
        spec += "dependencies:\n"
        for (scope, dependencies) in [("request", request), ("app", app)] {
            spec += "  \(scope):\(dependencies.isEmpty ? " {}" : "")\n"
            for dependency in dependencies {
                spec += "    \(dependency.type):\n"
                if dependency.property != Self.lowerCamel(dependency.type) { spec += "      name: \(dependency.property)\n" }
                if !dependency.isProtocol { spec += "      kind: concrete\n" }
                spec += "      description: \(quoted(text()))\n"
                application += dependency.isProtocol
                    ? "protocol \(dependency.type): Sendable {}\n" : "struct \(dependency.type): Sendable {}\n"
            }
        }
        application += scope("Request", conforming: "RequestDependencies", request)
        application += scope("Singletons", conforming: "AppDependencies", app)

        var declared: [(name: String, cases: [String])] = []
        spec += "types:\n"
        for index in 0..<pick(1...2) {
            let name = "Kind\(index)"
            let cases = Array(Self.caseNames.shuffled(using: &random).prefix(pick(1...4)))
            let isInt = pick(0...2) == 0
            spec += "  \(name):\n    description: \(quoted(text()))\n" + (isInt ? "    rawType: Int\n" : "") + "    cases:\n"
            for (position, enumCase) in cases.enumerated() {
                switch (isInt, pick(0...2)) {
                // Int values: implicit, or written far apart so that no implicit one can repeat them.
                case (true, 0): spec += "      \(enumCase):\n"
                case (true, _): spec += "      \(enumCase): {value: \(1_000 * (position + 1) - 7), description: \(quoted(text()))}\n"
                case (false, 0): spec += "      \(enumCase):\n"
                case (false, 1): spec += "      \(enumCase): \(quoted(enumCase + "-" + text()))\n"
                default: spec += "      \(enumCase): {value: \(quoted("v\"\\" + enumCase)), description: \(quoted(text()))}\n"
                }
            }
            declared.append((name, cases))
        }
        for index in 0..<pick(1...3) {
            var name = "Record\(index)"
            if index == 0, pick(0...3) == 0 {
                name = GeneratedNames.reserved.sorted().randomElement(using: &random)!
                reservedName = (name, spec.count { $0 == "\n" } + 1)
            }
            spec += "  \(name):\n    description: \(quoted(text()))\n    fields:\n"
            spec += fields(indent: "      ", declared: declared)
            declared.append((name, []))
        }

        // A generic type, used with arguments as a result.
        spec += "  Page:\n    description: \(quoted(text()))\n    parameters: [Item]\n    fields:\n"
        spec += "      items: \"[Item]\"\n      total: {type: Int, description: \(quoted(text()))}\n"
        let resultTypes = declared.map(\.name) + declared.filter { $0.cases.isEmpty }.map { "Page<\($0.name)>" }
        var operations: [Operation] = []
        var eventNumber = 0
        for section in ["commands", "queries"] {
            let isCommand = section == "commands"
            spec += "\(section):\n"
            for index in 0..<pick(1...4) {
                let paginated = !isCommand && pick(0...1) == 1
                let style = ["offset", "page", "cursor"].randomElement(using: &random)!
                let verb = isCommand ? Self.commandVerbs.randomElement(using: &random)! : (paginated || pick(0...1) == 1 ? "List" : "Get")
                let name = verb + Self.nouns.randomElement(using: &random)! + "\(index)"
                spec += "  \(name):\n    category: \(categories.randomElement(using: &random)!)\n"
                spec += "    description: \(quoted(text()))\n"
                spec += "    fields:\n" + fields(indent: "      ", declared: declared)
                // A paginated query declares its page (PaginationFieldsRule), under names the random fields never take.
                if paginated {
                    switch style {
                    case "offset": spec += "      limit: {type: Int, default: 50}\n      offset: Int\n"
                    case "page": spec += "      pageNumber: {type: Int, default: 1}\n      pageSize: Int\n"
                    default: spec += "      after: String?\n      first: {type: Int, default: 20}\n"
                    }
                }
                var result: String?
                if !isCommand || pick(0...1) == 1 {
                    result = typeExpression(among: pick(0...1) == 0 ? Self.builtins : resultTypes)
                    spec += "    result: \(quoted(result!))\n"
                }
                let dependencies = pickSome(request + app)
                let handler = pick(0...3) == 0 ? "Serves\(name)" : name + "Handler"
                spec += "    handler:\n"
                if handler != name + "Handler" { spec += "      name: \(handler)\n" }
                spec += "      dependencies: [\(dependencies.map(\.type).joined(separator: ", "))]\n"
                if isCommand {
                    if pick(0...2) == 0 {
                        spec += "    emitsEvents: false\n"
                    } else {
                        let events = (0..<pick(1...3)).map { _ in eventNumber += 1; return "Thing\(eventNumber)Happened" }
                        spec += "    events: [\(events.joined(separator: ", "))]\n"
                    }
                    if pick(0...1) == 0 { spec += "    requiresTransaction: false\n" }
                } else {
                    if paginated {
                        switch style {
                        case "offset": spec += "    pagination: offset\n"
                        case "page": spec += "    pagination: {style: page, page: pageNumber, size: pageSize}\n"
                        default: spec += "    pagination: {style: cursor, cursor: after, limit: first}\n"
                        }
                    }
                    spec += "    cachePolicy: \(["none", "short", "medium", "long", "aggressive"].randomElement(using: &random)!)\n"
                }
                operations.append(Operation(name: name, isCommand: isCommand, result: result, handler: handler, dependencies: dependencies))
            }
        }
        for operation in operations {
            application += handler(operation)
        }
    }

    /// A field list: plain `name: Type`, or `{type, default, description}`.
    private mutating func fields(indent: String, declared: [(name: String, cases: [String])]) -> String {
        var text = ""
        for name in Self.fieldNames.shuffled(using: &random).prefix(pick(1...5)) {
            let type = pick(0...2) == 0 && !declared.isEmpty
                ? declared.randomElement(using: &random)! : (name: Self.builtins.randomElement(using: &random)!, cases: [])
            let expression = wrapped(type.name)
            switch pick(0...2) {
            case 0:
                text += "\(indent)\(name): \(quoted(expression))\n"
            default:
                let defaultValue = self.defaultValue(for: expression, cases: type.cases)
                text += "\(indent)\(name): {type: \(quoted(expression))"
                if let defaultValue { text += ", default: \(defaultValue)" }
                text += ", description: \(quoted(self.text()))}\n"
            }
        }
        return text
    }

    /// A default the validator accepts for `expression`, in YAML; nil where none is simple to write.
    private mutating func defaultValue(for expression: String, cases: [String]) -> String? {
        if expression.hasSuffix("?") {
            // `Kind?` defaults to one of its cases as often as to null: `none` and `some` must mean the case.
            if !expression.hasPrefix("["), let enumCase = cases.randomElement(using: &random), pick(0...1) == 0 { return enumCase }
            return "null"
        }
        switch expression {
        case "[String]": return "[\(quoted(text())), \(quoted(text()))]"
        case "[Int]", "[Int64]": return "[\(pick(-9...9)), \(pick(-9...9))]"
        case "[String: String]": return "{a: \(quoted(text())), \(quoted("b\"c")): \"\"}"
        case "[String: Int]": return "{one: 1, \(quoted("two words")): 2}"
        default: break
        }
        if expression.hasPrefix("[") { return expression.contains(":") ? "{}" : "[]" }
        if let enumCase = cases.randomElement(using: &random) { return enumCase }
        switch expression {
        case "String": return quoted(text())
        case "Int", "Int64": return "\(pick(-1000...1000))"
        case "UInt8": return "\(pick(0...255))"
        case "Bool": return pick(0...1) == 0 ? "true" : "false"
        case "Double", "Decimal": return "\(pick(0...99)).25"
        default: return nil
        }
    }

    private mutating func wrapped(_ name: String) -> String {
        switch pick(0...5) {
        case 0: "\(name)?"
        case 1: "[\(name)]"
        case 2: "[String: \(name)]"
        case 3: "[\(name)]?"
        default: name
        }
    }

    private mutating func typeExpression(among names: [String]) -> String {
        wrapped(names.randomElement(using: &random)!)
    }

    private func scope(_ name: String, conforming protocolName: String, _ dependencies: [Dependency]) -> String {
        var text = "struct \(name): \(protocolName) {\n"
        for dependency in dependencies {
            text += "    let \(dependency.property): \(dependency.isProtocol ? "any " : "")\(dependency.type)\n"
        }
        return text + "}\n"
    }

    private func handler(_ operation: Operation) -> String {
        var text = "struct \(operation.handler): \(operation.name)Handling {\n"
        for dependency in operation.dependencies {
            text += "    let \(dependency.property): \(dependency.isProtocol ? "any " : "")\(dependency.type)\n"
        }
        let parameter = operation.isCommand ? "command" : "query"
        text += "    func handle(_ \(parameter): \(operation.name)) async -> Result<\(operation.result ?? "Void"), OperationError> {\n"
        text += "        .failure(OperationError(code: \"stub\", message: \"type-checked, never run\"))\n    }\n}\n"
        return text
    }

    // MARK: - Helpers

    private mutating func pick(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &random)
    }

    private mutating func pickSome<Element>(_ elements: [Element]) -> [Element] {
        elements.filter { _ in pick(0...1) == 1 }
    }

    private mutating func text() -> String {
        Self.texts.randomElement(using: &random)!
    }

    /// A YAML double-quoted scalar: backslashes, quotes and control characters escaped.
    private func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func lowerCamel(_ type: String) -> String {
        type.prefix(1).lowercased() + type.dropFirst()
    }
}

/// PCG-XSH-RR: a small deterministic random number generator, so that a failing seed fails the same way again.
struct PermutedCongruentialGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    }

    private mutating func next32() -> UInt32 {
        let old = state
        state = old &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let shifted = UInt32(truncatingIfNeeded: ((old >> 18) ^ old) >> 27)
        let rotation = UInt32(truncatingIfNeeded: old >> 59)
        return shifted >> rotation | shifted << ((~rotation &+ 1) & 31)
    }

    mutating func next() -> UInt64 {
        UInt64(next32()) << 32 | UInt64(next32())
    }
}
