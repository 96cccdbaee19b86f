import CQRS
import Foundation

/// The user's provider connections.
struct ListProviderConnectionsHandler: ListProviderConnectionsHandling {
    let connectionRepository: any ProviderConnectionRepository

    func handle(_ query: ListProviderConnections) async -> Result<ProviderConnectionListResult, OperationError> {
        await handling {
            let now = Date()
            let all = try await connectionRepository.list(userId: query.userId)
            let listed = query.activeOnly ? all.filter { $0.status == .active } : all
            return .success(ProviderConnectionListResult(
                connections: listed.map { $0.result(at: now) }, totalCount: listed.count,
                activeCount: all.count { $0.status == .active }))
        }
    }
}
