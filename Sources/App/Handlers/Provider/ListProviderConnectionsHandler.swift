import CQRS
import Foundation

/// The user's provider connections, one page at a time.
struct ListProviderConnectionsHandler: ListProviderConnectionsHandling {
    let connectionRepository: any ProviderConnectionRepository
    let clock: any WallClock

    func handle(_ query: ListProviderConnections) async -> Result<ProviderConnectionListResult, OperationError> {
        await handling {
            let now = clock.now, activeOnly = query.activeOnly
            let (page, active) = try await connectionRepository.fold(
                userId: query.userId,
                into: (page: PageCollector<ProviderConnection>(limit: query.limit, offset: query.offset), active: 0)
            ) { tally, connection in
                let isActive = connection.status == .active
                if isActive { tally.active += 1 }
                if !activeOnly || isActive { tally.page.add(connection) }
            }
            return .success(ProviderConnectionListResult(
                connections: page.items.map { $0.result(at: now) }, totalCount: page.total, hasMore: page.hasMore,
                activeCount: active))
        }
    }
}
