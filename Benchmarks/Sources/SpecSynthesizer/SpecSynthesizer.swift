import Foundation

/// Writes a valid spec of N operations, the same for the same seed: realistic fields, categories, dependencies
/// and DTOs, in the proportions of the real spec (about 55% commands), so that cqrs-gen's speed can be measured on
/// specs of any size.
///
///     swift run -c release SpecSynthesizer --operations 10000 --seed 1 > spec.yaml
@main
struct SpecSynthesizer {
    static func main() {
        var operations = 1_000, seed: UInt64 = 1, wrapsDescriptions = false
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--operations": operations = Int(arguments.popFirst() ?? "") ?? operations
            case "--seed": seed = UInt64(arguments.popFirst() ?? "") ?? seed
            // Every operation's description on two lines, a plain scalar continued: what the reader's YAML 1.2
            // indentation checks have to look up line by line.
            case "--wrapped-descriptions": wrapsDescriptions = true
            default:
                FileHandle.standardError.write(Data("usage: SpecSynthesizer [--operations N] [--seed S] [--wrapped-descriptions]\n".utf8))
                exit(2)
            }
        }
        var synthesizer = Synthesizer(operations: operations, seed: seed, wrapsDescriptions: wrapsDescriptions)
        FileHandle.standardOutput.write(Data(synthesizer.spec().utf8))
    }
}

struct Synthesizer {
    let operations: Int
    var random: SplitMix64
    /// What separates the two halves of an operation's description: a space, or a line break and the indentation
    /// that continues the plain scalar.
    let wrap: String

    init(operations: Int, seed: UInt64, wrapsDescriptions: Bool = false) {
        self.operations = operations
        random = SplitMix64(seed: seed)
        wrap = wrapsDescriptions ? "\n      " : " "
    }

    static let categories = ["auth", "session", "token", "provider", "data_sync", "import", "billing", "reporting"]
    static let commandVerbs = ["Register", "Authenticate", "Verify", "Refresh", "Request", "Confirm", "Create", "Revoke",
                               "Update", "Generate", "Trigger", "Connect", "Disconnect", "Sync", "Import", "Record", "Link"]
    static let nouns = ["User", "Session", "Token", "Account", "Transaction", "Holding", "Snapshot", "Provider", "Statement",
                        "Budget", "Invoice", "Payment", "Report", "Alert", "Device", "Profile"]
    static let requestDependencies = ["UserRepository", "SessionRepository", "AccountRepository", "TransactionRepository",
                                      "HoldingRepository", "ProviderConnectionRepository", "BalanceSnapshotRepository",
                                      "InvoiceRepository", "PaymentRepository", "ReportRepository", "AlertRepository",
                                      "DeviceRepository"]
    static let appDependencies = ["EventBus", "PasswordHasher", "TokenGenerator", "EncryptionService", "Cache", "CacheMetrics",
                                  "SessionCache", "DeviceEnricher", "LocationEnricher", "ProviderFactory", "EmailService",
                                  "Clock", "FeatureFlags", "RateLimiter", "AuditLog"]
    static let scalarTypes = ["String", "UUID", "Int", "Bool", "Date", "Decimal", "String?", "UUID?", "Date?", "Int?", "[String]"]
    static let fieldWords = ["user", "account", "amount", "currency", "reason", "note", "source", "scope", "origin", "active",
                             "symbol", "email", "status", "kind", "label", "start", "end", "created", "updated", "external", "region"]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func count(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }

    mutating func spec() -> String {
        let typeCount = max(2, operations / 4)
        var out = "# A synthetic spec of \(operations) operations for cqrs-gen's benchmarks.\nversion: 1\n\ncategories:\n"
        for category in Self.categories { out += "  \(category): The \(category.replacingOccurrences(of: "_", with: " ")) operations.\n" }
        out += "\ndependencies:\n  request:\n"
        for name in Self.requestDependencies { out += "    \(name):\n      description: Stores \(name.dropLast(10).lowercased()) records.\n" }
        out += "  app:\n"
        for name in Self.appDependencies { out += "    \(name):\n      description: The app's \(name).\n" }
        out += "\ntypes:\n"
        for index in 0..<typeCount {
            out += "  Result\(index):\n    description: The result number \(index).\n    fields:\n"
            out += fields(count: count(3...8), defaults: true)
        }
        let commands = operations * 55 / 100
        var usedTypes = 0
        out += "\ncommands:\n"
        for index in 0..<commands {
            out += "  \(pick(Self.commandVerbs))\(pick(Self.nouns))\(index):\n"
            out += "    category: \(pick(Self.categories))\n    description: Does thing number \(index)\(wrap)to a \(pick(Self.nouns).lowercased()).\n"
            out += "    fields:\n" + fields(count: count(1...5), defaults: true)
            if random.next() % 3 != 0 {
                out += "    result: Result\(usedTypes % typeCount)\n"
                usedTypes += 1
            }
            out += "    handler:\n      dependencies: [\(dependencies().joined(separator: ", "))]\n"
            if random.next() % 10 == 0 {
                out += "    emitsEvents: false\n"
            } else {
                out += "    events: [Thing\(index)Attempted, Thing\(index)Succeeded, Thing\(index)Failed]\n"
            }
            if random.next() % 20 == 0 { out += "    requiresTransaction: false\n" }
        }
        out += "\nqueries:\n"
        for index in commands..<operations {
            let paginated = random.next() % 6 == 0
            out += "  \(paginated ? "List" : pick(["Get", "List"]))\(pick(Self.nouns))\(index):\n"
            out += "    category: \(pick(Self.categories))\n    description: Reads thing\(wrap)number \(index).\n"
            out += "    fields:\n" + fields(count: count(1...4), defaults: true)
            if paginated {
                out += "      limit: {type: Int, default: 50}\n      offset: {type: Int, default: 0}\n"
            }
            out += "    result: \(random.next() % 2 == 0 ? "Result\(usedTypes % typeCount)" : "\"[Result\(usedTypes % typeCount)]\"")\n"
            usedTypes += 1
            out += "    handler:\n      dependencies: [\(dependencies().joined(separator: ", "))]\n"
            if paginated { out += "    pagination: offset\n" }
            out += "    cachePolicy: \(pick(["none", "short", "short", "medium", "long"]))\n"
        }
        return out
    }

    mutating func fields(count: Int, defaults: Bool) -> String {
        var names: Set<String> = []
        var out = ""
        while names.count < count {
            let name = pick(Self.fieldWords) + (names.isEmpty ? "Id" : pick(["", "Name", "Value", "At", "Code"]))
            guard names.insert(name).inserted else { continue }
            let type = pick(Self.scalarTypes)
            if defaults, random.next() % 4 == 0 {
                let value: String? = switch type {
                case "Int": "\(count)"
                case "Bool": "false"
                case "String": "default value"
                case _ where type.hasSuffix("?"): "null"
                case "[String]": "[]"
                default: nil
                }
                if let value {
                    out += "      \(name): {type: \"\(type)\", default: \(value), description: The \(name) of the thing.}\n"
                    continue
                }
            }
            out += "      \(name): \"\(type)\"\n"
        }
        return out
    }

    mutating func dependencies() -> [String] {
        var chosen: [String] = []
        for _ in 0..<count(1...5) {
            let name = random.next() % 2 == 0 ? pick(Self.requestDependencies) : pick(Self.appDependencies)
            if !chosen.contains(name) { chosen.append(name) }
        }
        return chosen
    }
}

/// SplitMix64: small, fast and the same on every machine.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
