/// The one path every operation runs through, giving the spec's metadata its meaning, typed end to end: an
/// operation in, its `Output` out.
///
/// - `requiresTransaction`: the command runs in a ``UnitOfWork`` transaction, committed when it succeeds and rolled
///   back when it fails, unless the failure keeps its writes (``OperationError/keepsWrites``). When the store reports
///   a conflict, the command runs again, with a fresh recorder; the last attempt asks for a transaction that cannot
///   conflict. A command without a transaction writes as it goes.
/// - `events`: what the handler records is handed to the ``journal`` inside the transaction, before the commit, then
///   published after it (for a command without a transaction, after it ran, whatever its result), in order, each
///   event with the request's context. After a rollback only the events that record the failure
///   (``NamedEvent/recordsFailure``) are journaled and published. An event the spec does not list for the command
///   fails it with `undeclared_event` and is never published. A subscriber's failure after the commit does not change
///   the command's result; it goes to ``publishFailures``.
/// - `cachePolicy`: a query's result is kept for the policy's time to live, in the ``QueryResultStore``, and only
///   while no command has committed since it was read.
/// - `pagination`: a query's page request is checked against the spec's bounds before its handler runs.
/// - Behaviours run around all of it, in order, for the operations each applies to.
///
/// The dispatch path is `@inlinable`, so that it is specialised for the caller's operation and event types: unspecialised,
/// every run instantiated generic metadata at runtime, and cost five times as much.
public struct OperationDispatcher<Category: RegistryCategory, Event: NamedEvent>: Sendable {
    public let behaviors: [any OperationBehavior<Category>]
    public let publisher: any EventPublisher<Event>
    public let queryResults: any QueryResultStore
    public let writeVersion: WriteVersion
    /// How many times a transactional command runs optimistically before a last run that cannot conflict.
    public let optimisticAttempts: Int
    /// Told of every publication that failed after its command committed, and of every failure record the journal
    /// could not keep after a rollback.
    public let publishFailures: @Sendable (EventEnvelope<Event>, any Error) -> Void
    /// Where each command's events are kept with its writes, before it commits; nil for none.
    public let journal: (any EventJournal<Event>)?

    public init(
        behaviors: [any OperationBehavior<Category>] = [], publisher: any EventPublisher<Event>,
        queryResults: (any QueryResultStore)? = nil, writeVersion: WriteVersion = WriteVersion(),
        clock: DispatchClock = .continuous,
        optimisticAttempts: Int = 3, publishFailures: @escaping @Sendable (EventEnvelope<Event>, any Error) -> Void = { _, _ in },
        journal: (any EventJournal<Event>)? = nil
    ) {
        self.journal = journal
        self.behaviors = behaviors
        self.publisher = publisher
        // By default, a store in memory that the dispatcher's own writes invalidate.
        self.queryResults = queryResults ?? VersionedStore<QueryResultKey, any Sendable>(version: writeVersion, clock: clock)
        self.writeVersion = writeVersion
        self.optimisticAttempts = max(0, optimisticAttempts)
        self.publishFailures = publishFailures
    }

    // MARK: - Commands

    /// Runs `command` through the behaviours and, when its metadata says so, a transaction of `unitOfWork`.
    /// `handler` builds the command's handler around the recorder it is given and runs it. A `refusal` (the fields'
    /// broken constraints) is the answer instead, inside the behaviours, so that they log and count it, before any
    /// transaction begins.
    @inlinable @inline(__always)
    public func run<C: Command>(
        _ command: C, metadata: CommandMetadata<Category>, context: OperationContext, unitOfWork: some UnitOfWork,
        refusal: OperationError? = nil, handler: @Sendable (EventRecorder<Event>) async -> Result<C.Output, OperationError>
    ) async -> Result<C.Output, OperationError> {
        // Without behaviours, neither a descriptor nor a pipeline closure is built: the common case pays for neither.
        guard !behaviors.isEmpty else {
            if let refusal { return .failure(refusal) }
            return await transactional(metadata, context: context, unitOfWork: unitOfWork, handler: handler)
        }
        return await pipeline(command, OperationDescriptor(metadata), context) {
            if let refusal { return .failure(refusal) }
            return await self.transactional(metadata, context: context, unitOfWork: unitOfWork, handler: handler)
        }
    }

    /// The unit of work is generic, not an existential, so that its calls are specialised, and inlined when they do
    /// nothing.
    @inlinable @inline(__always)
    func transactional<Output: Sendable, Work: UnitOfWork>(
        _ metadata: CommandMetadata<Category>, context: OperationContext, unitOfWork: Work,
        handler: @Sendable (EventRecorder<Event>) async -> Result<Output, OperationError>
    ) async -> Result<Output, OperationError> {
        // Without a transaction, every write commits as it is made: nothing to begin, commit or roll back, and no
        // conflict to retry.
        guard metadata.requiresTransaction else {
            return await attempt(
                metadata, context: context, unitOfWork: NoUnitOfWork(), store: unitOfWork, immediately: true, handler: handler)
                ?? .failure(.unavailable(TransactionConflictPersisted()))
        }
        for _ in 0..<optimisticAttempts {
            if let result = await attempt(
                metadata, context: context, unitOfWork: unitOfWork, store: unitOfWork, immediately: false, handler: handler) {
                return result
            }
        }
        return await attempt(
            metadata, context: context, unitOfWork: unitOfWork, store: unitOfWork, immediately: true, handler: handler)
            ?? .failure(.unavailable(TransactionConflictPersisted()))
    }

    /// One run of a command; nil when its transaction conflicted and nothing of it was kept. `store` is what the
    /// journal writes through: the unit of work, or for a command without a transaction, the store it writes to.
    @inlinable @inline(__always)
    func attempt<Output: Sendable, Work: UnitOfWork, Store: UnitOfWork>(
        _ metadata: CommandMetadata<Category>, context: OperationContext, unitOfWork: Work, store: Store,
        immediately: Bool, handler: @Sendable (EventRecorder<Event>) async -> Result<Output, OperationError>
    ) async -> Result<Output, OperationError>? {
        do {
            try await unitOfWork.begin(immediately: immediately)
        } catch {
            return .failure(Self.operationError(error))
        }
        let recorder = EventRecorder<Event>()
        var result = await handler(recorder)
        let events = recorder.drain()
        if unitOfWork.hadConflict {
            await unitOfWork.rollback()
            return nil
        }
        let undeclared = events.map { $0.eventName }.filter { !metadata.events.contains($0) }
        if !undeclared.isEmpty {
            result = .failure(OperationError(
                code: OperationError.undeclaredEventCode,
                message: "\(metadata.name) published \(undeclared.joined(separator: ", ")), which its spec entry does not list."))
        }
        // What a command wrote stands when it succeeded, when its failure says so, and always without a transaction
        // (each write committed as it was made); then its events describe what happened, and are published.
        let keepsWrites = switch result {
        case .success: true
        case .failure(let error): error.keepsWrites || !metadata.requiresTransaction
        }
        if !undeclared.isEmpty {
            await unitOfWork.rollback()
            if !metadata.requiresTransaction { writeVersion.advance() }
            return result
        }
        if !keepsWrites {
            await unitOfWork.rollback()
            // The failure happened although its writes did not stand: the events that record it are kept, outside
            // the transaction, and published.
            let failures = events.filter(\.recordsFailure)
            if !failures.isEmpty {
                if let journal {
                    let envelopes = failures.map { EventEnvelope(event: $0, operation: metadata.name, context: context) }
                    do {
                        try await journal.record(envelopes, in: store)
                    } catch {
                        for envelope in envelopes { publishFailures(envelope, error) }
                    }
                }
                await publish(failures, operation: metadata.name, context: context)
            }
            return result
        }
        // Only a journal needs the envelopes gathered; publishing makes each as it goes.
        if let journal, !events.isEmpty {
            do {
                try await journal.record(events.map { EventEnvelope(event: $0, operation: metadata.name, context: context) }, in: store)
            } catch {
                // The journal's write may be the transaction's first, and find what it read out of date.
                let conflicted = unitOfWork.hadConflict
                await unitOfWork.rollback()
                if !metadata.requiresTransaction { writeVersion.advance() }
                return conflicted ? nil : .failure(Self.operationError(error))
            }
        }
        do {
            try await unitOfWork.commit()
        } catch {
            // A store may find the conflict only at the commit (PostgreSQL's serializable transactions): nothing
            // was kept, and the command runs again.
            if unitOfWork.hadConflict { return nil }
            return .failure(Self.operationError(error))
        }
        writeVersion.advance()
        await publish(events, operation: metadata.name, context: context)
        return result
    }

    /// Publishes each event in order; a subscriber's failure goes to ``publishFailures`` and the rest still go.
    @inlinable
    func publish(_ events: [Event], operation: String, context: OperationContext) async {
        for event in events {
            let envelope = EventEnvelope(event: event, operation: operation, context: context)
            do {
                try await publisher.publish(envelope)
            } catch {
                publishFailures(envelope, error)
            }
        }
    }

    // MARK: - Queries

    /// Runs `query` through the behaviours, its page bounds and its cache. `handler` builds the query's handler around
    /// the recorder it is given (a query publishes nothing: any event it records fails it) and runs it. A `refusal`
    /// is the answer instead, inside the behaviours.
    @inlinable
    public func run<Q: Query>(
        _ query: Q, metadata: QueryMetadata<Category>, context: OperationContext, refusal: OperationError? = nil,
        handler: @Sendable (EventRecorder<Event>) async -> Result<Q.Output, OperationError>
    ) async -> Result<Q.Output, OperationError> {
        guard !behaviors.isEmpty else {
            if let refusal { return .failure(refusal) }
            return await bounded(query, metadata: metadata, handler: handler)
        }
        return await pipeline(query, OperationDescriptor(metadata), context) {
            if let refusal { return .failure(refusal) }
            return await self.bounded(query, metadata: metadata, handler: handler)
        }
    }

    /// A query's page bounds, its cache, and its handler.
    @inlinable
    func bounded<Q: Query>(
        _ query: Q, metadata: QueryMetadata<Category>,
        handler: @Sendable (EventRecorder<Event>) async -> Result<Q.Output, OperationError>
    ) async -> Result<Q.Output, OperationError> {
        if let pagination = metadata.pagination, let paginated = query as? any PaginatedQuery,
           let error = paginated.pageRequest.boundsError(maximumSize: pagination.maximumPageSize) {
            return .failure(error)
        }
        let readVersion = writeVersion.current
        let timeToLive = metadata.cachePolicy.timeToLive
        let key = timeToLive == nil ? nil : QueryResultKey(query)
        if let key, let cached = queryResults.value(for: key) as? Q.Output {
            return .success(cached)
        }
        let recorder = EventRecorder<Event>()
        let result = await handler(recorder)
        let recorded = recorder.drain().map { $0.eventName }
        if !recorded.isEmpty {
            return .failure(OperationError(
                code: OperationError.undeclaredEventCode,
                message: "\(metadata.name) published \(recorded.joined(separator: ", ")); a query publishes no events."))
        }
        if case .success(let value) = result, let key, let timeToLive {
            queryResults.store(value, for: key, readAt: readVersion, timeToLive: timeToLive)
        }
        return result
    }

    // MARK: - Behaviours

    /// Runs `body` inside every behaviour from `index` on that applies to the operation, the first outermost. The
    /// closures are not escaping, so the pipeline is built on the stack, not the heap.
    @inlinable
    func pipeline<Operation: Sendable, Output: Sendable>(
        _ operation: Operation, _ descriptor: OperationDescriptor<Category>, _ context: OperationContext, from index: Int = 0,
        _ body: @Sendable () async -> Result<Output, OperationError>
    ) async -> Result<Output, OperationError> {
        guard let current = behaviors[index...].firstIndex(where: { $0.applies(to: descriptor) }) else { return await body() }
        do {
            return try await behaviors[current].handle(operation, descriptor, context: context) {
                await pipeline(operation, descriptor, context, from: current + 1, body)
            }
        } catch {
            return .failure(Self.operationError(error))
        }
    }

    @inlinable
    static func operationError(_ error: any Error) -> OperationError {
        (error as? OperationError) ?? .unavailable(error)
    }
}

/// A transaction that still conflicted when run to hold the store from its start: the store broke its promise.
@usableFromInline
struct TransactionConflictPersisted: Error, CustomStringConvertible {
    @usableFromInline init() {}
    @usableFromInline var description: String { "the transaction conflicted even when it began holding the store" }
}
