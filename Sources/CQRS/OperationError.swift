/// Why an operation failed: a stable, machine-readable code (`invalid_credentials`, `session_not_found`) that
/// callers and HTTP problem details match on, and a message for people.
public struct OperationError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public var code: String
    public var message: String
    /// Whether what the failed command wrote stands. A transactional command's writes are rolled back when it fails,
    /// unless the failure is itself the record (a wrong password counts towards the account's lockout): then the
    /// transaction commits and its events are delivered. Not part of the error's wire form.
    public var keepsWrites: Bool = false
    /// For ``invalidFieldsCode``, every field that breaks its constraints; empty otherwise. Not part of the error's
    /// wire form: an HTTP adapter lists them as the problem's invalid parameters, under their names on the wire.
    public var violations: [FieldValidator.Violation] = []

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

extension OperationError {
    /// A failure of the infrastructure beneath a handler (a repository, a network call), never a business rule. The
    /// underlying error is kept in the message for logs; an HTTP layer should not show it to callers. An error's debug
    /// description is kept when it has one: some keep their details there alone (PostgresNIO's `PSQLError` describes
    /// itself as a "generic description to prevent accidental leakage").
    public static func unavailable(_ error: any Error) -> OperationError {
        let details = (error as? any CustomDebugStringConvertible)?.debugDescription ?? "\(error)"
        return OperationError(code: unavailableCode, message: "The operation could not be completed: \(details)")
    }

    /// The code of ``unavailable(_:)``.
    public static let unavailableCode = "unavailable"

    /// The code of the failure of an operation that published an event its spec entry does not list: a programming
    /// error, caught by the dispatcher in every build.
    public static let undeclaredEventCode = "undeclared_event"

    /// What a scaffolded handler answers until its logic is written.
    public static func notImplemented(_ operation: String) -> OperationError {
        OperationError(code: notImplementedCode, message: "\(operation) is not implemented yet.")
    }

    /// The code of ``notImplemented(_:)``.
    public static let notImplementedCode = "not_implemented"

    /// The codes the runtime itself fails with, whatever an application declares: a spec's `errors` need not list
    /// them for its routes to map them to statuses.
    public static let runtimeCodes: Set<String> = [
        unavailableCode, undeclaredEventCode, invalidFieldsCode, notImplementedCode,
        invalidOffsetCode, invalidPageCode, invalidLimitCode, invalidSizeCode,
    ]

    /// `<what>_not_found`: the thing an operation names does not exist, or belongs to someone else (which callers
    /// must not be able to tell apart).
    public static func notFound(_ what: String) -> OperationError {
        OperationError(
            code: what.lowercased().split(separator: " ").joined(separator: "_") + "_not_found",
            message: what.prefix(1).uppercased() + what.dropFirst() + " not found.")
    }
}

/// Runs a handler's body and reports every outcome as a `Result`: a thrown `OperationError` (from a shared check a
/// handler calls) is that failure; any other error is the infrastructure's, an ``OperationError/unavailable(_:)``.
///
///     func handle(_ query: GetTodo) async -> Result<TodoItem, OperationError> {
///         await handling {
///             guard let item = try await store.find(query.id) else { return .failure(.notFound("todo item")) }
///             return .success(item)
///         }
///     }
public func handling<Output>(
    _ body: () async throws -> Result<Output, OperationError>
) async -> Result<Output, OperationError> {
    do {
        return try await body()
    } catch let error as OperationError {
        return .failure(error)
    } catch {
        return .failure(.unavailable(error))
    }
}
