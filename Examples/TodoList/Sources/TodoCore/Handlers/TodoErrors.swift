import CQRS

/// The failures the to-do handlers answer with, by stable code.
extension OperationError {
    static let listNotFound = OperationError.notFound("todo list")
    static let itemNotFound = OperationError.notFound("todo item")
    static let emptyTitle = OperationError(code: "empty_title", message: "A title cannot be empty.")
}
