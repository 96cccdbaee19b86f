import CQRS
import Foundation

/// Errors several handlers share, with their stable codes.
extension OperationError {
    static let accountNotFound = OperationError(code: "account_not_found", message: "Account not found.")
    static let connectionNotFound = OperationError(code: "connection_not_found", message: "Provider connection not found.")
    static let sessionNotFound = OperationError(code: "session_not_found", message: "Session not found.")
    static let userNotFound = OperationError(code: "user_not_found", message: "User not found.")
    static let invalidDateRange = OperationError(code: "invalid_date_range", message: "The start date is after the end date.")

    /// A failure of the infrastructure beneath a handler (a repository, a provider), never a business rule.
    static func unavailable(_ error: any Error) -> OperationError {
        OperationError(code: "unavailable", message: "The operation could not be completed: \(error)")
    }
}

/// Runs a handler's body and reports every outcome as a `Result`: a thrown `OperationError` (from a shared check,
/// such as `ProviderAccess.open`) is that failure; any other error is the infrastructure's, an `unavailable` one.
func handling<Output>(_ body: () async throws -> Result<Output, OperationError>) async -> Result<Output, OperationError> {
    do {
        return try await body()
    } catch let error as OperationError {
        return .failure(error)
    } catch {
        return .failure(.unavailable(error))
    }
}
