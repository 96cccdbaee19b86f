import CQRS
import Foundation

/// One of the user's holdings, in detail.
struct GetHoldingHandler: GetHoldingHandling {
    let ownershipVerifier: OwnershipVerifier

    func handle(_ query: GetHolding) async -> Result<HoldingDetailResult, OperationError> {
        await handling {
            try await ownershipVerifier.ownedHolding(query.holdingId, userId: query.userId).map(\.detail)
        }
    }
}
