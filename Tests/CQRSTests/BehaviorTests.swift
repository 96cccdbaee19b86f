import CQRS
import CQRSTesting
import Testing

/// Pipeline behaviours: in order, selected by kind and category, able to short-circuit and to retry, seeing the
/// operation, its metadata, the context and the result.
@Suite("Dispatcher: behaviours")
struct BehaviorTests {
    /// Notes what it saw on the way in and out.
    struct Tracing: OperationBehavior {
        let label: String
        let trace: Trace
        var only: OperationDescriptor<Area>.Kind?

        func applies(to operation: OperationDescriptor<Area>) -> Bool { only.map { $0 == operation.kind } ?? true }

        func handle<Operation: Sendable, Output: Sendable>(
            _ operation: Operation, _ descriptor: OperationDescriptor<Area>, context: OperationContext,
            next: @Sendable () async -> Result<Output, OperationError>
        ) async throws -> Result<Output, OperationError> {
            trace.add("\(label) in \(descriptor.name) \(descriptor.category) by \(context.caller ?? "-")")
            let result = await next()
            trace.add("\(label) out \(result)")
            return result
        }
    }

    /// Refuses admin operations to anyone but `root`, before anything runs.
    struct AdminsOnly: OperationBehavior {
        func applies(to operation: OperationDescriptor<Area>) -> Bool { operation.category == .admin }

        func handle<Operation: Sendable, Output: Sendable>(
            _ operation: Operation, _ descriptor: OperationDescriptor<Area>, context: OperationContext,
            next: @Sendable () async -> Result<Output, OperationError>
        ) async throws -> Result<Output, OperationError> {
            guard context.caller == "root" else { throw OperationError(code: "forbidden", message: "Admins only.") }
            return await next()
        }
    }

    /// Runs the rest again once when it failed as unavailable.
    struct RetryOnce: OperationBehavior {
        func handle<Operation: Sendable, Output: Sendable>(
            _ operation: Operation, _ descriptor: OperationDescriptor<Area>, context: OperationContext,
            next: @Sendable () async -> Result<Output, OperationError>
        ) async throws -> Result<Output, OperationError> {
            let first = await next()
            if case .failure(let error) = first, error.code == "unavailable" { return await next() }
            return first
        }
    }

    struct Broken: OperationBehavior {
        struct Fault: Error {}
        func handle<Operation: Sendable, Output: Sendable>(
            _ operation: Operation, _ descriptor: OperationDescriptor<Area>, context: OperationContext,
            next: @Sendable () async -> Result<Output, OperationError>
        ) async throws -> Result<Output, OperationError> {
            throw Fault()
        }
    }

    let store = InMemoryUnitOfWork()
    let publisher = RecordingEventPublisher<NoteEvent>()

    @Test("behaviours run in the order given, the first outermost, each around the operations it selects")
    func order() async {
        let trace = Trace()
        let dispatcher = OperationDispatcher<Area, NoteEvent>(
            behaviors: [Tracing(label: "outer", trace: trace), Tracing(label: "commands", trace: trace, only: .command)],
            publisher: publisher)
        _ = await dispatcher.run(AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store) { _ in
            trace.add("handler")
            return .success(7)
        }
        _ = await dispatcher.run(ListNotes(limit: 1, offset: 0), metadata: Metadata.listNotes, context: context) { _ in .success(["n"]) }
        #expect(trace.all == [
            "outer in AddNote notes by ada", "commands in AddNote notes by ada", "handler", "commands out success(7)",
            "outer out success(7)", "outer in ListNotes notes by ada", "outer out success([\"n\"])",
        ])
    }

    @Test("a behaviour that refuses ends the operation before its transaction or handler")
    func shortCircuit() async {
        let runs = Counter()
        let dispatcher = OperationDispatcher<Area, NoteEvent>(behaviors: [AdminsOnly()], publisher: publisher)
        let refused = await dispatcher.run(Purge(), metadata: Metadata.purge, context: context, unitOfWork: store) { _ in
            runs.increment()
            return .success(0)
        }
        #expect(refused.failureCode == "forbidden")
        #expect(runs.count == 0)
        #expect(store.steps.isEmpty)
        let root = OperationContext(caller: "root", correlationId: "r")
        #expect(await dispatcher.run(Purge(), metadata: Metadata.purge, context: root, unitOfWork: store) { _ in .success(3) } == .success(3))
        #expect(await dispatcher.run(AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store) { _ in .success(1) }
            == .success(1), "notes are not admin operations")
    }

    @Test("a refusal (broken field constraints) is answered inside the behaviours, which see it, before any transaction or handler")
    func refusal() async {
        let trace = Trace()
        let dispatcher = OperationDispatcher<Area, NoteEvent>(behaviors: [Tracing(label: "log", trace: trace)], publisher: publisher)
        let refusal = OperationError.invalidFields([.init(field: "text", reason: "must not be empty")])
        let command = await dispatcher.run(
            AddNote(text: ""), metadata: Metadata.addNote(), context: context, unitOfWork: store, refusal: refusal
        ) { _ in
            trace.add("handler")
            return .success(1)
        }
        let query = await dispatcher.run(ListNotes(limit: 1, offset: 0), metadata: Metadata.listNotes, context: context, refusal: refusal) { _ in
            trace.add("handler")
            return .success([])
        }
        #expect(command.failureCode == OperationError.invalidFieldsCode && query.failureCode == OperationError.invalidFieldsCode)
        #expect(trace.all.filter { $0 == "handler" }.isEmpty)
        #expect(trace.all.count { $0.hasPrefix("log out failure") } == 2, "\(trace.all)")
        #expect(store.steps.isEmpty)
        let bare = OperationDispatcher<Area, NoteEvent>(publisher: publisher)
        let withoutBehaviours = await bare.run(
            AddNote(text: ""), metadata: Metadata.addNote(), context: context, unitOfWork: store, refusal: refusal
        ) { _ in .success(1) }
        #expect(withoutBehaviours.failureCode == OperationError.invalidFieldsCode)
    }

    @Test("a behaviour may run the rest again: each run is a transaction of its own")
    func retry() async {
        let runs = Counter()
        let dispatcher = OperationDispatcher<Area, NoteEvent>(behaviors: [RetryOnce()], publisher: publisher)
        let result = await dispatcher.run(AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store) { recorder in
            runs.increment()
            recorder.record(NoteEvent(eventName: "NoteAdded"))
            return runs.count == 1 ? .failure(.unavailable(InMemoryUnitOfWork.CommitFailed())) : .success(runs.count)
        }
        #expect(result == .success(2))
        #expect(store.steps == ["begin", "rollback", "begin", "commit"])
        #expect(publisher.names == ["NoteAdded"])
    }

    @Test("a behaviour that throws ends the operation as unavailable; an OperationError it throws is kept")
    func throwingBehavior() async {
        let dispatcher = OperationDispatcher<Area, NoteEvent>(behaviors: [Broken()], publisher: publisher)
        let result = await dispatcher.run(AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store) { _ in .success(1) }
        #expect(result.failureCode == "unavailable")
        #expect(store.steps.isEmpty)
        #expect(publisher.published.isEmpty)
    }
}
