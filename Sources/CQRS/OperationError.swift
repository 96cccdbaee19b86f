/// Why an operation failed: a stable, machine-readable code (`invalid_credentials`, `session_not_found`) that
/// callers and HTTP problem details match on, and a message for people.
public struct OperationError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public var code: String
    public var message: String
    /// Whether what the failed command wrote stands. A transactional command's writes are rolled back when it fails,
    /// unless the failure is itself the record (a wrong password counts towards the account's lockout): then the
    /// transaction commits and its events are delivered. Not part of the error's wire form.
    public var keepsWrites: Bool = false

    private enum CodingKeys: String, CodingKey {
        case code, message
    }

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// The same failure, with the command's writes kept.
    public func keepingWrites() -> OperationError {
        var error = self
        error.keepsWrites = true
        return error
    }

    public var description: String { "\(code): \(message)" }
}
