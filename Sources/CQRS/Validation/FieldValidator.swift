// FoundationEssentials where there is one: the generator links this library too, and Foundation's full library
// (with ICU) costs every run of it 7 MB before it reads a byte.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif


extension OperationError {
    /// The code of a failure whose operation breaks its fields' constraints: answered before any handler runs, with
    /// every field that breaks one in ``violations``.
    public static let invalidFieldsCode = "invalid_fields"

    public static func invalidFields(_ violations: [FieldValidator.Violation]) -> OperationError {
        var error = OperationError(
            code: invalidFieldsCode,
            message: violations.map { "'\($0.field)' \($0.reason)" }.joined(separator: "; ") + ".")
        error.violations = violations
        return error
    }
}



/// Checks an operation's fields against the constraints of its spec entry, keeping every violation: what the
/// generated `fieldViolations()` of each constrained operation does before its handler runs.
public struct FieldValidator {
    /// One field that breaks a constraint of its spec entry, and why, in words a caller can act on.
    public struct Violation: Sendable, Hashable {
        /// The field's name in the operation.
        public var field: String
        public var reason: String

        public init(field: String, reason: String) {
            self.field = field
            self.reason = reason
        }
    }

    /// A text format a field's value must have, as the spec's `format` names it (and JSON Schema's `format` does).
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case email
        case uuid
        /// A calendar day, `YYYY-MM-DD`.
        case date
        /// An ISO 8601 date and time.
        case dateTime = "date-time"
        /// An absolute URI, with a scheme.
        case uri

        /// Whether `text` has the format.
        public func matches(_ text: String) -> Bool {
            switch self {
            case .email:
                // One '@', something before it, a domain with a dot after it, and no spaces: what can receive mail, not
                // RFC 5322's every form.
                let parts = text.split(separator: "@", omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
                let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
                return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
            case .uuid:
                return UUID(uuidString: text) != nil
            case .date:
                let parts = text.split(separator: "-", omittingEmptySubsequences: false)
                guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
                      (1...12).contains(month), day >= 1 else { return false }
                let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
                return day <= days[month - 1]
            case .dateTime:
                return (try? Date(text, strategy: .iso8601)) != nil
            case .uri:
                guard let url = URL(string: text), let scheme = url.scheme else { return false }
                return !scheme.isEmpty
            }
        }

        /// What a value of the format looks like, for a reason.
        public var description: String {
            switch self {
            case .email: "an email address"
            case .uuid: "a UUID"
            case .date: "a date (YYYY-MM-DD)"
            case .dateTime: "an ISO 8601 date and time"
            case .uri: "an absolute URI"
            }
        }
    }

    /// A field's `pattern`. The generator has compiled it with the same engine already, so it compiles; were it ever not
    /// to, every value is refused rather than the process stopped. It is compiled for each check: a `Regex` cannot be
    /// shared between tasks, and a pattern guards a field or two of a request, not a loop.
    public struct Pattern: Sendable {
        public let text: String

        public init(_ text: String) {
            self.text = text
        }

        /// Whether the whole of `value` matches.
        public func matches(_ value: String) -> Bool {
            guard let regex = try? Regex(text) else { return false }
            return (try? regex.wholeMatch(in: value)) != nil
        }
    }

    public private(set) var violations: [Violation] = []

    public init() {}

    /// A text's length in characters, between `minimum` and `maximum` when they are given.
    public mutating func length(_ value: String?, of field: String, minimum: Int?, maximum: Int?, message: String?) {
        guard let value else { return }
        let count = value.count
        if let minimum, count < minimum {
            add(field, message ?? (maximum.map { "must be \(minimum) to \($0) characters" } ?? "must be at least \(minimum) characters"))
        } else if let maximum, count > maximum {
            add(field, message ?? (minimum.map { "must be \($0) to \(maximum) characters" } ?? "must be at most \(maximum) characters"))
        }
    }

    /// A text that matches `pattern` as a whole.
    public mutating func pattern(_ value: String?, of field: String, _ pattern: Pattern, message: String?) {
        guard let value, !pattern.matches(value) else { return }
        add(field, message ?? "must match the pattern \(pattern.text)")
    }

    /// A text of `format`.
    public mutating func format(_ value: String?, of field: String, _ format: Format, message: String?) {
        guard let value, !format.matches(value) else { return }
        add(field, message ?? "must be \(format.description)")
    }

    /// A number between `minimum` and `maximum`, inclusive, when they are given.
    public mutating func range<Value: Comparable>(_ value: Value?, of field: String, minimum: Value?, maximum: Value?, message: String?) {
        guard let value else { return }
        if let minimum, value < minimum {
            add(field, message ?? (maximum.map { "must be between \(minimum) and \($0)" } ?? "must be at least \(minimum)"))
        } else if let maximum, value > maximum {
            add(field, message ?? (minimum.map { "must be between \($0) and \(maximum)" } ?? "must be at most \(maximum)"))
        }
    }

    /// A collection's size, between `minimum` and `maximum` when they are given.
    public mutating func count(_ value: (some Collection)?, of field: String, minimum: Int?, maximum: Int?, message: String?) {
        guard let value else { return }
        if let minimum, value.count < minimum {
            add(field, message ?? (minimum == 1 ? "must not be empty" : "must have at least \(minimum) items"))
        } else if let maximum, value.count > maximum {
            add(field, message ?? "must have at most \(maximum) items")
        }
    }

    /// The failure that names every violation; nil when there is none.
    public func finish() -> OperationError? {
        violations.isEmpty ? nil : .invalidFields(violations)
    }

    private mutating func add(_ field: String, _ reason: String) {
        violations.append(FieldValidator.Violation(field: field, reason: reason))
    }
}
