import CQRS

/// The failures the to-do handlers answer with, each with a code the spec declares under `errors`.
extension OperationError {
    static let listNotFound = OperationError(.todoListNotFound, message: "Todo list not found.")
    static let itemNotFound = OperationError(.todoItemNotFound, message: "Todo item not found.")
    static let emptyTitle = OperationError(.emptyTitle, message: "A title cannot be empty.")
}
