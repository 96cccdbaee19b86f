import CQRS
import Foundation
import Logging

/// The one path every route runs operations through. It builds the handler from the generated factory on the
/// request's session, and gives the spec's metadata its meaning:
///
/// - `requiresTransaction`: the command runs in one transaction, committed when it succeeds and rolled back when it
///   fails, so nothing a failed command wrote is ever visible (unless the failure says it keeps its writes, see
///   ``OperationError/keepsWrites``). Commands marked `false` write as they go.
/// - `events`: what the handler publishes is delivered after the commit, never for rolled-back work. An event the
///   spec does not list for the operation fails the operation with `undeclared_event` and is never delivered:
///   a programming error caught in every build, and by the tests, not only in debug builds.
/// - `cachePolicy`: a query's result is kept for the policy's time-to-live (``CachePolicy/timeToLive``), and only
///   while no write has committed since it was read.
/// - `pagination`: the page request is bounded by the configuration's `maximumPageSize` before the handler runs.
struct Dispatcher: Sendable {
    typealias Factory = HandlerFactory<DatabaseRequestScope, DispatchServices>
    typealias Overrides = HandlerOverrides<DatabaseRequestScope, DispatchServices>

    let database: AppDatabase
    let services: AppServices
    /// Handler replacements, for tests: the counterpart of FastAPI's `dependency_overrides`.
    let overrides: Overrides
    let queryResults: VersionedStore<String, any Sendable>
    let logger: Logger

    init(database: AppDatabase, services: AppServices, overrides: Overrides = Overrides(), clock: CacheClock = .continuous, logger: Logger) {
        self.database = database
        self.services = services
        self.overrides = overrides
        self.queryResults = VersionedStore(version: database.dataVersion, clock: clock)
        self.logger = logger
    }

    /// How many times a transactional command runs optimistically before it runs holding the writer from the start.
    static let optimisticAttempts = 3

    /// Runs a command on the request's session. A transaction whose reads went out of date before it could write
    /// (see ``DatabaseSession``) is rolled back, its events dropped, and the command run again.
    func run<C: DispatchableCommand>(_ command: C, on session: DatabaseSession) async -> Result<C.Output, OperationError> {
        for run in 1...Self.optimisticAttempts {
            if let result = await attempt(command, on: session, immediately: false) { return result }
            logger.debug("retrying after a conflict", metadata: ["operation": "\(C.metadata.name)", "attempt": "\(run)"])
        }
        // Holding the writer from the start, the command cannot conflict.
        return await attempt(command, on: session, immediately: true) ?? .failure(.unavailable(TransactionConflict()))
    }

    /// One run of a command; nil when its transaction conflicted and nothing of it was kept.
    private func attempt<C: DispatchableCommand>(_ command: C, on session: DatabaseSession, immediately: Bool) async
        -> Result<C.Output, OperationError>?
    {
        let metadata = C.metadata
        let outbox = EventOutbox()
        let factory = factory(session, outbox, CacheWriteRule(readVersion: database.dataVersion.current, storesValues: false))
        if metadata.requiresTransaction {
            do {
                try await session.beginTransaction(immediately: immediately)
            } catch {
                return .failure(.unavailable(error))
            }
        }
        var result = await C.handle(command, with: factory)
        let events = outbox.drain()
        if metadata.requiresTransaction, session.hadConflict {
            await session.rollback()
            return nil
        }
        if let undeclared = Self.undeclared(events, allowed: metadata.events, operation: metadata.name) {
            result = .failure(undeclared)
        }
        if metadata.requiresTransaction {
            if case .failure(let error) = result, !error.keepsWrites {
                await session.rollback()
                logger.debug("rolled back", metadata: ["operation": "\(metadata.name)", "discarded_events": "\(events.count)"])
                return result
            }
            do {
                try await session.commit()
            } catch {
                logger.error("commit failed", metadata: ["operation": "\(metadata.name)", "error": "\(error)"])
                return .failure(.unavailable(error))
            }
        } else if case .failure(let error) = result, error.code == OperationError.undeclaredEventCode {
            // Without a transaction the work stands, but events the spec does not list are still never delivered.
            return result
        }
        for event in events {
            await services.eventBus.publish(event)
        }
        return result
    }

    /// Runs a query on the request's session, from the cache when its policy allows and nothing changed since.
    func run<Q: DispatchableQuery>(_ query: Q, on session: DatabaseSession) async -> Result<Q.Output, OperationError> {
        let metadata = Q.metadata
        if let paginated = query as? any PaginatedQuery, let pagination = metadata.pagination,
           let error = paginated.pageRequest.boundsError(maximumSize: pagination.maximumPageSize) {
            return .failure(error)
        }
        let readVersion = database.dataVersion.current
        let timeToLive = metadata.cachePolicy.timeToLive
        let key = timeToLive == nil ? nil : Self.cacheKey(query)
        if let key, let cached = queryResults.value(for: key) as? Q.Output {
            return .success(cached)
        }
        let outbox = EventOutbox()
        let factory = factory(session, outbox, CacheWriteRule(readVersion: readVersion, storesValues: true))
        let result = await Q.handle(query, with: factory)
        if let undeclared = Self.undeclared(outbox.drain(), allowed: [], operation: metadata.name) {
            return .failure(undeclared)
        }
        if case .success(let value) = result, let key, let timeToLive {
            queryResults.store(value, for: key, readAt: readVersion, timeToLive: timeToLive)
        }
        return result
    }

    private func factory(_ session: DatabaseSession, _ outbox: EventOutbox, _ rule: CacheWriteRule) -> Factory {
        Factory(
            request: DatabaseRequestScope(session: session),
            app: DispatchServices(shared: services, outbox: outbox, cacheRule: rule), overrides: overrides)
    }

    /// The failure for events an operation published that its spec entry does not list; nil when there are none.
    private static func undeclared(_ events: [DomainEvent], allowed: [String], operation: String) -> OperationError? {
        let names = events.map(\.name.rawValue).filter { !allowed.contains($0) }
        guard !names.isEmpty else { return nil }
        return OperationError(
            code: OperationError.undeclaredEventCode,
            message: "\(operation) published \(names.joined(separator: ", ")), which spec/operations.yaml does not list for it.")
    }

    /// The query's type and its fields: two requests for the same query, by the same user, share an entry.
    static func cacheKey<Q: Query>(_ query: Q) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let fields = (try? encoder.encode(query)).map { String(decoding: $0, as: UTF8.self) } ?? "\(query)"
        return "\(Q.self):\(fields)"
    }
}

extension OperationError {
    static let undeclaredEventCode = "undeclared_event"
}
