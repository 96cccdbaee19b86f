import CQRS
import Foundation

/// Errors several handlers share, with their stable codes.
extension OperationError {
    static let accountNotFound = OperationError(code: "account_not_found", message: "Account not found.")
    static let connectionNotFound = OperationError(code: "connection_not_found", message: "Provider connection not found.")
    static let sessionNotFound = OperationError(code: "session_not_found", message: "Session not found.")
    static let userNotFound = OperationError(code: "user_not_found", message: "User not found.")

    /// A failure of the infrastructure beneath a handler (a repository, a provider), never a business rule.
    static func unavailable(_ error: any Error) -> OperationError {
        OperationError(code: "unavailable", message: "The operation could not be completed: \(error)")
    }
}

/// Runs a handler's body, turning infrastructure errors into an `unavailable` failure: handlers report every
/// outcome as a `Result`, and never throw.
func handling<Output>(_ body: () async throws -> Result<Output, OperationError>) async -> Result<Output, OperationError> {
    do {
        return try await body()
    } catch {
        return .failure(.unavailable(error))
    }
}
