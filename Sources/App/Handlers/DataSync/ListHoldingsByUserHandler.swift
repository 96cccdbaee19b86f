import CQRS
import Foundation

/// All of the user's holdings, optionally only active ones, of one asset type, or in one security.
struct ListHoldingsByUserHandler: ListHoldingsByUserHandling {
    let holdingRepository: any HoldingRepository

    func handle(_ query: ListHoldingsByUser) async -> Result<HoldingListResult, OperationError> {
        await handling {
            let activeOnly = query.activeOnly, assetType = query.assetType, symbol = query.symbol
            let tally = try await holdingRepository.fold(
                userId: query.userId,
                into: HoldingListResult.Tally(limit: query.limit, offset: query.offset) { holding in
                    (!activeOnly || holding.isActive)
                        && (assetType.map { $0 == holding.assetType } ?? true)
                        && (symbol.map { holding.symbol.caseInsensitiveCompare($0) == .orderedSame } ?? true)
                }
            ) { $0.add($1) }
            return .success(HoldingListResult(tally))
        }
    }
}
