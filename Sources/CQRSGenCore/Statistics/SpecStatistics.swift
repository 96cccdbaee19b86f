/// The registry statistics Dashtam's `get_statistics()` returns, under the same keys, computed from a spec.
///
/// Category and cache-policy counts keep the order in which each first appears among the operations (spec order),
/// as Dashtam's dictionaries do, and list only what occurs.
public struct SpecStatistics: Hashable, Sendable {
    public struct Count: Hashable, Sendable {
        public var key: String
        public var count: Int

        public init(_ key: String, _ count: Int) {
            self.key = key
            self.count = count
        }
    }

    public var totalCommands: Int
    public var totalQueries: Int
    public var totalOperations: Int
    public var commandsByCategory: [Count]
    public var queriesByCategory: [Count]
    /// Commands whose result is one of the spec's declared `types`.
    public var commandsWithResultDTO: Int
    public var commandsEmittingEvents: Int
    public var commandsRequiringTransaction: Int
    public var paginatedQueries: Int
    public var queriesByCachePolicy: [Count]

    public init(_ spec: Spec) {
        let declaredTypes = Set(spec.types.map(\.name))
        totalCommands = spec.commands.count
        totalQueries = spec.queries.count
        totalOperations = totalCommands + totalQueries
        commandsByCategory = Self.counts(spec.commands.map(\.category.value))
        queriesByCategory = Self.counts(spec.queries.map(\.category.value))
        commandsWithResultDTO = spec.commands.count { command in
            if case .named(let name) = command.result?.expression { declaredTypes.contains(name) } else { false }
        }
        commandsEmittingEvents = spec.commands.count { $0.commandTraits?.emitsEvents.value == true }
        commandsRequiringTransaction = spec.commands.count { $0.commandTraits?.requiresTransaction.value == true }
        paginatedQueries = spec.queries.count { $0.queryTraits?.paginated.value == true }
        queriesByCachePolicy = Self.counts(spec.queries.compactMap { $0.queryTraits?.cachePolicy.value.rawValue })
    }

    /// Occurrences of each key, in order of first appearance.
    static func counts(_ keys: [String]) -> [Count] {
        var result: [Count] = []
        var position: [String: Int] = [:]
        for key in keys {
            if let index = position[key] {
                result[index].count += 1
            } else {
                position[key] = result.count
                result.append(Count(key, 1))
            }
        }
        return result
    }

    /// The statistics as an ordered list of Dashtam's keys and their values.
    var entries: [(key: String, value: Value)] {
        [
            ("total_commands", .number(totalCommands)),
            ("total_queries", .number(totalQueries)),
            ("total_operations", .number(totalOperations)),
            ("commands_by_category", .counts(commandsByCategory)),
            ("queries_by_category", .counts(queriesByCategory)),
            ("commands_with_result_dto", .number(commandsWithResultDTO)),
            ("commands_emitting_events", .number(commandsEmittingEvents)),
            ("commands_requiring_transaction", .number(commandsRequiringTransaction)),
            ("paginated_queries", .number(paginatedQueries)),
            ("queries_by_cache_policy", .counts(queriesByCachePolicy)),
        ]
    }

    enum Value {
        case number(Int)
        case counts([Count])
    }

    /// Pretty-printed JSON with the keys in Dashtam's order.
    public func json() -> String {
        var lines = ["{"]
        let entries = entries
        for (index, entry) in entries.enumerated() {
            let comma = index == entries.count - 1 ? "" : ","
            switch entry.value {
            case .number(let number):
                lines.append("  \(JSONString.quoted(entry.key)): \(number)\(comma)")
            case .counts(let counts) where counts.isEmpty:
                lines.append("  \(JSONString.quoted(entry.key)): {}\(comma)")
            case .counts(let counts):
                lines.append("  \(JSONString.quoted(entry.key)): {")
                for (countIndex, count) in counts.enumerated() {
                    let innerComma = countIndex == counts.count - 1 ? "" : ","
                    lines.append("    \(JSONString.quoted(count.key)): \(count.count)\(innerComma)")
                }
                lines.append("  }\(comma)")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// The same figures for a terminal: one `key: value` per line, counts indented beneath their key.
    public func text() -> String {
        entries.map { entry in
            switch entry.value {
            case .number(let number):
                return "\(entry.key): \(number)"
            case .counts(let counts):
                return (["\(entry.key):"] + counts.map { "  \($0.key): \($0.count)" }).joined(separator: "\n")
            }
        }.joined(separator: "\n")
    }
}

/// JSON string literals, escaped per RFC 8259.
enum JSONString {
    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
