import CQRS
import Foundation

/// One of the user's accounts.
struct GetAccountHandler: GetAccountHandling {
    let ownershipVerifier: OwnershipVerifier

    func handle(_ query: GetAccount) async -> Result<AccountResult, OperationError> {
        await handling {
            try await ownershipVerifier.ownedAccount(query.accountId, userId: query.userId).map(\.result)
        }
    }
}
