import CQRS
import Foundation

/// What the routes share: the database, the app's services and the one dispatch path.
struct AppEnvironment: Sendable {
    let database: AppDatabase
    let services: AppServices
    let dispatcher: Dispatcher
    /// Requests per address and account, for the routes that guessing or flooding would target.
    let rateLimiter: RateLimiter

    /// Operations for one request, on a database session of its own.
    func operations(context: OperationContext = Dispatcher.newContext()) -> Operations {
        Operations(dispatcher: dispatcher, session: database.session(), context: context)
    }
}
