import CQRS
import Foundation

/// One of the user's provider connections, read through the connection cache.
struct GetProviderConnectionHandler: GetProviderConnectionHandling {
    let connectionRepository: any ProviderConnectionRepository
    let providerConnectionCache: any ProviderConnectionCache
    let clock: any WallClock

    func handle(_ query: GetProviderConnection) async -> Result<ProviderConnectionResult, OperationError> {
        await handling {
            var connection = await providerConnectionCache.get(query.connectionId)
            if connection == nil {
                connection = try await connectionRepository.find(id: query.connectionId)
                if let connection { await providerConnectionCache.set(connection) }
            }
            guard let connection, connection.userId == query.userId else { return .failure(.connectionNotFound) }
            return .success(connection.result(at: clock.now))
        }
    }
}
