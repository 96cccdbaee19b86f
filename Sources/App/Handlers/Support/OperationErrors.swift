import CQRS
import Foundation

/// Errors several handlers share, with their stable codes. (`handling` and `unavailable` come from the CQRS runtime.)
extension OperationError {
    static let accountNotFound = OperationError(.accountNotFound, message: "Account not found.")
    static let connectionNotFound = OperationError(.connectionNotFound, message: "Provider connection not found.")
    static let sessionNotFound = OperationError(.sessionNotFound, message: "Session not found.")
    static let userNotFound = OperationError(.userNotFound, message: "User not found.")
    static let invalidDateRange = OperationError(.invalidDateRange, message: "The start date is after the end date.")
}
