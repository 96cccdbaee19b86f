import CQRS
import Foundation

/// All of the user's accounts, optionally of one type, one page at a time; the first page at the default size is
/// cached for the query's short cache policy (the keys a sync invalidates name no page).
struct ListAccountsByUserHandler: ListAccountsByUserHandling {
    let accountRepository: any AccountRepository
    let cache: any Cache
    let cacheKeys: CacheKeys
    let cacheMetrics: any CacheMetrics

    /// The page size the cache keeps the first page of.
    static let cachedPageSize = 50

    func handle(_ query: ListAccountsByUser) async -> Result<AccountListResult, OperationError> {
        await handling {
            let key = query.offset == 0 && query.limit == Self.cachedPageSize
                ? cacheKeys.accountList(userId: query.userId, activeOnly: query.activeOnly, accountType: query.accountType) : nil
            if let key, let data = await cache.get(key), let cached = try? JSONDecoder().decode(AccountListResult.self, from: data) {
                cacheMetrics.recordHit("account_list")
                return .success(cached)
            }
            cacheMetrics.recordMiss("account_list")
            let tally = try await accountRepository.fold(
                userId: query.userId,
                into: AccountListResult.Tally(
                    limit: query.limit, offset: query.offset, activeOnly: query.activeOnly, accountType: query.accountType)
            ) { $0.add($1) }
            let result = AccountListResult(tally)
            if let key, let data = try? JSONEncoder().encode(result), let timeToLive = CachePolicy.short.timeToLive {
                await cache.set(key, data, timeToLive: timeToLive)
            }
            return .success(result)
        }
    }
}
