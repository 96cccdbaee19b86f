import CQRS
import Foundation

/// An account's holdings, optionally only active ones or of one asset type.
struct ListHoldingsByAccountHandler: ListHoldingsByAccountHandling {
    let holdingRepository: any HoldingRepository
    let accountRepository: any AccountRepository
    let connectionRepository: any ProviderConnectionRepository

    func handle(_ query: ListHoldingsByAccount) async -> Result<HoldingListResult, OperationError> {
        await handling {
            guard case .success(let account) = try await AccountOwnership.account(
                query.accountId, of: query.userId, accounts: accountRepository, connections: connectionRepository)
            else { return .failure(.accountNotFound) }
            let activeOnly = query.activeOnly, assetType = query.assetType
            let tally = try await holdingRepository.fold(
                accountId: account.id,
                into: HoldingListResult.Tally(limit: query.limit, offset: query.offset) { holding in
                    (!activeOnly || holding.isActive) && (assetType.map { $0 == holding.assetType } ?? true)
                }
            ) { $0.add($1) }
            return .success(HoldingListResult(tally))
        }
    }
}
