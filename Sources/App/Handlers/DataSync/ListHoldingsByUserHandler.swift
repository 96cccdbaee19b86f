import CQRS
import Foundation

/// All of the user's holdings, optionally only active ones, of one asset type, or in one security.
struct ListHoldingsByUserHandler: ListHoldingsByUserHandling {
    let holdingRepository: any HoldingRepository

    func handle(_ query: ListHoldingsByUser) async -> Result<HoldingListResult, OperationError> {
        await handling {
            let holdings = try await holdingRepository.list(userId: query.userId).filter { holding in
                (!query.activeOnly || holding.isActive)
                    && (query.assetType.map { $0 == holding.assetType } ?? true)
                    && (query.symbol.map { holding.symbol.caseInsensitiveCompare($0) == .orderedSame } ?? true)
            }
            return .success(HoldingListResult(holdings))
        }
    }
}
