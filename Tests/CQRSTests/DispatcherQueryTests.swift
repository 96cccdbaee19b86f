import CQRS
import CQRSTesting
import Testing

/// Queries through the library's dispatcher: page bounds before the handler, results cached by policy, dropped by
/// any committed command and by time.
@Suite("Dispatcher: queries")
struct DispatcherQueryTests {
    let clock = ManualClock()
    let publisher = RecordingEventPublisher<NoteEvent>()

    func dispatcher(capacity: Int = 100) -> (OperationDispatcher<Area, NoteEvent>, VersionedStore<QueryResultKey, any Sendable>) {
        let version = WriteVersion()
        let store = VersionedStore<QueryResultKey, any Sendable>(version: version, clock: clock.dispatchClock, capacity: capacity)
        return (OperationDispatcher(publisher: publisher, queryResults: store, writeVersion: version), store)
    }

    func list(_ runs: Counter) -> @Sendable (EventRecorder<NoteEvent>) async -> Result<[String], OperationError> {
        { _ in
            runs.increment()
            return .success(["note \(runs.count)"])
        }
    }

    @Test("a page outside the spec's bounds is refused before the handler runs")
    func pageBounds() async {
        let (dispatcher, _) = dispatcher()
        let runs = Counter()
        let tooLarge = await dispatcher.run(ListNotes(limit: 11, offset: 0), metadata: Metadata.listNotes, context: context, handler: list(runs))
        let negative = await dispatcher.run(ListNotes(limit: 5, offset: -1), metadata: Metadata.listNotes, context: context, handler: list(runs))
        #expect(tooLarge.failureCode == "invalid_limit")
        #expect(negative.failureCode == "invalid_offset")
        #expect(runs.count == 0)
    }

    @Test("a result is served from the cache until a command commits, then read again")
    func cacheUntilWrite() async {
        let (dispatcher, _) = dispatcher()
        let runs = Counter()
        let query = ListNotes(limit: 5, offset: 0)
        #expect(await dispatcher.run(query, metadata: Metadata.listNotes, context: context, handler: list(runs)) == .success(["note 1"]))
        #expect(await dispatcher.run(query, metadata: Metadata.listNotes, context: context, handler: list(runs)) == .success(["note 1"]))
        #expect(await dispatcher.run(ListNotes(limit: 6, offset: 0), metadata: Metadata.listNotes, context: context, handler: list(runs))
            == .success(["note 2"]), "other fields, another entry")
        _ = await dispatcher.run(AddNote(text: "x"), metadata: Metadata.addNote(), context: context, unitOfWork: InMemoryUnitOfWork()) { _ in .success(1) }
        #expect(await dispatcher.run(query, metadata: Metadata.listNotes, context: context, handler: list(runs)) == .success(["note 3"]))
        #expect(runs.count == 3)
    }

    @Test("a failed command that rolled back drops nothing; a cached result expires with its policy's time to live")
    func rollbackAndExpiry() async {
        let (dispatcher, _) = dispatcher()
        let runs = Counter()
        let query = ListNotes(limit: 5, offset: 0)
        _ = await dispatcher.run(query, metadata: Metadata.listNotes, context: context, handler: list(runs))
        _ = await dispatcher.run(AddNote(text: "x"), metadata: Metadata.addNote(), context: context, unitOfWork: InMemoryUnitOfWork()) { _ in
            .failure(OperationError(code: "no", message: "No."))
        }
        _ = await dispatcher.run(query, metadata: Metadata.listNotes, context: context, handler: list(runs))
        #expect(runs.count == 1)
        clock.advance(by: .seconds(59))
        _ = await dispatcher.run(query, metadata: Metadata.listNotes, context: context, handler: list(runs))
        #expect(runs.count == 1)
        clock.advance(by: .seconds(1))
        _ = await dispatcher.run(query, metadata: Metadata.listNotes, context: context, handler: list(runs))
        #expect(runs.count == 2, "short: 60 seconds")
    }

    @Test("a result read while a command committed is not kept: it may predate the write")
    func readDuringWrite() async {
        let (dispatcher, store) = dispatcher()
        let runs = Counter()
        let query = ListNotes(limit: 5, offset: 0)
        _ = await dispatcher.run(query, metadata: Metadata.listNotes, context: context) { _ in
            runs.increment()
            // A command commits while the query reads.
            _ = await dispatcher.run(AddNote(text: "x"), metadata: Metadata.addNote(), context: context, unitOfWork: InMemoryUnitOfWork()) { _ in .success(1) }
            return .success(["stale"])
        }
        #expect(await dispatcher.run(query, metadata: Metadata.listNotes, context: context, handler: list(runs)) == .success(["note 2"]))
        #expect(store.count == 1)
    }

    @Test("a query that records an event fails, and nothing is published")
    func queryEvents() async {
        let (dispatcher, _) = dispatcher()
        let result = await dispatcher.run(ListNotes(limit: 5, offset: 0), metadata: Metadata.listNotes, context: context) { recorder in
            recorder.record(NoteEvent(eventName: "NoteAdded"))
            return .success([])
        }
        #expect(result.failureCode == "undeclared_event")
        #expect(publisher.published.isEmpty)
    }

    @Test("the in-memory store holds at most its capacity")
    func boundedStore() async {
        let (dispatcher, store) = dispatcher(capacity: 3)
        for offset in 0..<10 {
            _ = await dispatcher.run(ListNotes(limit: 1, offset: offset), metadata: Metadata.listNotes, context: context) { _ in .success([]) }
            #expect(store.count <= 3)
        }
    }
}
