import CQRS
import Foundation

/// All of the user's accounts, optionally of one type, cached for the query's short cache policy.
struct ListAccountsByUserHandler: ListAccountsByUserHandling {
    let accountRepository: any AccountRepository
    let cache: any Cache
    let cacheKeys: CacheKeys
    let cacheMetrics: any CacheMetrics

    func handle(_ query: ListAccountsByUser) async -> Result<AccountListResult, OperationError> {
        await handling {
            let key = cacheKeys.accountList(userId: query.userId, activeOnly: query.activeOnly, accountType: query.accountType)
            if let data = await cache.get(key), let cached = try? JSONDecoder().decode(AccountListResult.self, from: data) {
                cacheMetrics.recordHit("account_list")
                return .success(cached)
            }
            cacheMetrics.recordMiss("account_list")
            var accounts = try await accountRepository.list(userId: query.userId)
            if let type = query.accountType { accounts = accounts.filter { $0.accountType == type } }
            let result = AccountListResult(accounts, activeOnly: query.activeOnly)
            if let data = try? JSONEncoder().encode(result), let timeToLive = CachePolicy.short.timeToLive {
                await cache.set(key, data, timeToLive: timeToLive)
            }
            return .success(result)
        }
    }
}
