/// Why an operation failed: a stable, machine-readable code (`invalid_credentials`, `session_not_found`) that
/// callers and HTTP problem details match on, and a message for people.
public struct OperationError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
