import CQRS
import Foundation

/// Errors several handlers share, with their stable codes. (`handling` and `unavailable` come from the CQRS runtime.)
extension OperationError {
    static let accountNotFound = OperationError(code: "account_not_found", message: "Account not found.")
    static let connectionNotFound = OperationError(code: "connection_not_found", message: "Provider connection not found.")
    static let sessionNotFound = OperationError(code: "session_not_found", message: "Session not found.")
    static let userNotFound = OperationError(code: "user_not_found", message: "User not found.")
    static let invalidDateRange = OperationError(code: "invalid_date_range", message: "The start date is after the end date.")
}
