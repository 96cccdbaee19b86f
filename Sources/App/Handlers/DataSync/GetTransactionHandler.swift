import CQRS
import Foundation

/// One of the user's transactions.
struct GetTransactionHandler: GetTransactionHandling {
    let ownershipVerifier: OwnershipVerifier

    func handle(_ query: GetTransaction) async -> Result<TransactionResult, OperationError> {
        await handling {
            try await ownershipVerifier.ownedTransaction(query.transactionId, userId: query.userId).map(\.result)
        }
    }
}
