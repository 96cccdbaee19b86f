/// The registry's statistics under the keys of Dashtam's `get_statistics()`. `cqrs-gen stats` computes them from the
/// spec and an application from its compiled registry; both print them through this one type, so they match.
///
/// Category and cache-policy counts keep the order in which each first appears among the operations (spec order),
/// as Dashtam's dictionaries do, and list only what occurs.
public struct RegistryStatistics: Hashable, Sendable {
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
    public var totalOperations: Int { totalCommands + totalQueries }
    public var commandsByCategory: [Count]
    public var queriesByCategory: [Count]
    public var commandsWithResultDTO: Int
    public var commandsEmittingEvents: Int
    public var commandsRequiringTransaction: Int
    public var paginatedQueries: Int
    public var queriesByCachePolicy: [Count]
    /// The operations bound to an HTTP route, beyond Dashtam's figures: its route registry was a separate table.
    public var totalRoutes: Int
    /// By method, in the order each first appears.
    public var routesByMethod: [Count]
    /// Routes anyone may call, without credentials.
    public var publicRoutes: Int
    /// Routes with at least one rate limit.
    public var rateLimitedRoutes: Int
    public var deprecatedRoutes: Int
    /// The declared domain events, beyond Dashtam's figures: its event registry was a third table.
    public var totalEvents: Int
    /// Distinct workflows the events belong to.
    public var totalWorkflows: Int
    /// By category, in the order each first appears; an event without one counts under `none`.
    public var eventsByCategory: [Count]
    /// By phase, in the order each first appears.
    public var eventsByPhase: [Count]
    public var loggedEvents: Int
    public var auditedEvents: Int
    public var emailEvents: Int
    public var sessionEvents: Int

    public init(
        totalCommands: Int, totalQueries: Int, commandsByCategory: [Count], queriesByCategory: [Count],
        commandsWithResultDTO: Int, commandsEmittingEvents: Int, commandsRequiringTransaction: Int, paginatedQueries: Int,
        queriesByCachePolicy: [Count], totalRoutes: Int = 0, routesByMethod: [Count] = [], publicRoutes: Int = 0,
        rateLimitedRoutes: Int = 0, deprecatedRoutes: Int = 0, events: [DomainEventMetadata] = []
    ) {
        totalEvents = events.count
        totalWorkflows = Set(events.map(\.workflow)).count
        eventsByCategory = Self.counts(events.map { $0.category ?? "none" })
        eventsByPhase = Self.counts(events.map(\.phase.rawValue))
        loggedEvents = events.count(where: \.requiresLogging)
        auditedEvents = events.count(where: \.isAudited)
        emailEvents = events.count(where: \.requiresEmail)
        sessionEvents = events.count(where: \.requiresSession)
        self.totalRoutes = totalRoutes
        self.routesByMethod = routesByMethod
        self.publicRoutes = publicRoutes
        self.rateLimitedRoutes = rateLimitedRoutes
        self.deprecatedRoutes = deprecatedRoutes
        self.totalCommands = totalCommands
        self.totalQueries = totalQueries
        self.commandsByCategory = commandsByCategory
        self.queriesByCategory = queriesByCategory
        self.commandsWithResultDTO = commandsWithResultDTO
        self.commandsEmittingEvents = commandsEmittingEvents
        self.commandsRequiringTransaction = commandsRequiringTransaction
        self.paginatedQueries = paginatedQueries
        self.queriesByCachePolicy = queriesByCachePolicy
    }

    /// Occurrences of each key, in order of first appearance.
    public static func counts(_ keys: [String]) -> [Count] {
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

    private enum Value {
        case number(Int)
        case counts([Count])
    }

    /// Dashtam's keys, in Dashtam's order, then the routes', then the events'.
    private var entries: [(key: String, value: Value)] {
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
            ("total_routes", .number(totalRoutes)),
            ("routes_by_method", .counts(routesByMethod)),
            ("public_routes", .number(publicRoutes)),
            ("rate_limited_routes", .number(rateLimitedRoutes)),
            ("deprecated_routes", .number(deprecatedRoutes)),
            ("total_events", .number(totalEvents)),
            ("total_workflows", .number(totalWorkflows)),
            ("events_by_category", .counts(eventsByCategory)),
            ("events_by_phase", .counts(eventsByPhase)),
            ("logged_events", .number(loggedEvents)),
            ("audited_events", .number(auditedEvents)),
            ("email_events", .number(emailEvents)),
            ("session_events", .number(sessionEvents)),
        ]
    }

    /// Pretty-printed JSON with the keys in Dashtam's order.
    public func json() -> String {
        let entries = entries
        var lines = ["{"]
        for (index, entry) in entries.enumerated() {
            let comma = index == entries.count - 1 ? "" : ","
            switch entry.value {
            case .number(let number):
                lines.append("  \(Self.jsonString(entry.key)): \(number)\(comma)")
            case .counts(let counts) where counts.isEmpty:
                lines.append("  \(Self.jsonString(entry.key)): {}\(comma)")
            case .counts(let counts):
                lines.append("  \(Self.jsonString(entry.key)): {")
                for (countIndex, count) in counts.enumerated() {
                    lines.append("    \(Self.jsonString(count.key)): \(count.count)\(countIndex == counts.count - 1 ? "" : ",")")
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
                "\(entry.key): \(number)"
            case .counts(let counts):
                (["\(entry.key):"] + counts.map { "  \($0.key): \($0.count)" }).joined(separator: "\n")
            }
        }.joined(separator: "\n")
    }

    /// Each figure as text, for a table: counts as `auth 7, session 6`.
    public func table() -> [(key: String, value: String)] {
        entries.map { entry in
            switch entry.value {
            case .number(let number): (entry.key, "\(number)")
            case .counts(let counts): (entry.key, counts.isEmpty ? "none" : counts.map { "\($0.key) \($0.count)" }.joined(separator: ", "))
            }
        }
    }

    /// A JSON string literal, escaped per RFC 8259.
    public static func jsonString(_ string: String) -> String {
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
