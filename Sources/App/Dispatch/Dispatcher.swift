import CQRS
import CQRSObservability
import Foundation
import Logging
import Prometheus

/// The one path every route runs operations through: the runtime's ``OperationDispatcher``, which gives the spec's
/// metadata its meaning (a transaction of the request's ``DatabaseSession`` for every command marked
/// `requiresTransaction`, retried when its reads went stale; audited events written inside it, the others delivered
/// after the commit, and only the declared ones; query results cached by policy until any write; page bounds), with the App's store, services and
/// handler overrides, and behaviours around every operation that log it, count and time it (into the environment's
/// Prometheus registry, which `App serve --metrics-port` serves) and trace it.
struct Dispatcher: Sendable {
    typealias Factory = HandlerFactory<DatabaseRequestScope, DispatchServices>
    typealias Overrides = HandlerOverrides<DatabaseRequestScope, DispatchServices>

    let database: AppDatabase
    let services: AppServices
    /// Handler replacements, for tests: the counterpart of FastAPI's `dependency_overrides`.
    let overrides: Overrides
    let operations: OperationDispatcher<OperationCategory, DomainEvent>

    init(
        database: AppDatabase, services: AppServices, overrides: Overrides = Overrides(), clock: DispatchClock = .continuous,
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), logger: Logger
    ) {
        self.database = database
        self.services = services
        self.overrides = overrides
        operations = OperationDispatcher(
            behaviors: [LoggingBehavior(logger: logger), MetricsBehavior(factory: PrometheusMetricsFactory(registry: metrics)), TracingBehavior()],
            publisher: services.eventBus,
            // Every write to the database advances this version, the dispatcher's and the subscribers' alike.
            writeVersion: database.dataVersion, clock: clock,
            publishFailures: { envelope, error in
                logger.error("a subscriber failed", metadata: ["event": "\(envelope.event.eventName)", "error": "\(error)"])
            },
            // Audit rows and outbox jobs are written with the command's writes: neither stands without the other.
            journal: CommandJournal(audit: AuditLog(database: database, clock: services.clock), outbox: services.outbox))
    }

    /// Runs a command on the request's session, in a transaction of it when the spec says so.
    func run<C: DispatchableCommand>(
        _ command: C, on session: DatabaseSession, context: OperationContext = Self.newContext()
    ) async -> Result<C.Output, OperationError> {
        await operations.run(command, context: context, unitOfWork: session) { recorder in
            factory(session, recorder, context, storesValues: false)
        }
    }

    /// Runs a query on the request's session, from the cache when its policy allows and nothing changed since.
    func run<Q: DispatchableQuery>(
        _ query: Q, on session: DatabaseSession, context: OperationContext = Self.newContext()
    ) async -> Result<Q.Output, OperationError> {
        await operations.run(query, context: context) { recorder in
            factory(session, recorder, context, storesValues: true)
        }
    }

    /// The generated factory for one run. Only queries fill the handlers' caches: a command's writes advance the
    /// version when they commit, so anything it stored would be stale at once. The operations a handler runs are
    /// steps of this run: on its session, with its context.
    private func factory(
        _ session: DatabaseSession, _ recorder: EventRecorder<DomainEvent>, _ context: OperationContext, storesValues: Bool
    ) -> Factory {
        Factory(
            request: DatabaseRequestScope(session: session),
            app: DispatchServices(
                shared: services, cacheRule: CacheWriteRule(readVersion: database.dataVersion.current, storesValues: storesValues)),
            events: recorder, steps: Operations(dispatcher: self, session: session, context: context), overrides: overrides)
    }

    /// A context for an operation that starts a workflow of its own.
    static func newContext() -> OperationContext {
        OperationContext(correlationId: UUID().uuidString)
    }
}
