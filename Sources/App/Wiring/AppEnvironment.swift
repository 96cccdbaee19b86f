import CQRS
import Foundation
import Prometheus

/// What the routes share: the database, the app's services and the one dispatch path.
struct AppEnvironment: Sendable {
    let database: AppDatabase
    let services: AppServices
    let dispatcher: Dispatcher
    /// Requests per address and account, for the routes that guessing or flooding would target: counted in the
    /// database on PostgreSQL, which several instances share, and in memory on SQLite, which one process owns.
    let rateLimiter: any RequestRateLimiter
    /// What the dispatcher's metrics behaviour counts and times, served in Prometheus's text format.
    let metrics: PrometheusCollectorRegistry

    /// Operations for one request, on a database session of its own.
    func operations(context: OperationContext = Dispatcher.newContext()) -> Operations {
        Operations(dispatcher: dispatcher, session: database.session(), context: context)
    }
}
