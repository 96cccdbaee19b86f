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
            let holdings = try await holdingRepository.list(accountId: account.id).filter { holding in
                (!query.activeOnly || holding.isActive) && (query.assetType.map { $0 == holding.assetType } ?? true)
            }
            return .success(HoldingListResult(holdings))
        }
    }
}
