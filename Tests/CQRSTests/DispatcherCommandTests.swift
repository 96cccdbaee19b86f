import CQRS
import CQRSTesting
import Testing

/// Commands through the library's dispatcher: transactions, retries, events after the commit, and every fault.
@Suite("Dispatcher: commands")
struct DispatcherCommandTests {
    let store = InMemoryUnitOfWork()
    let publisher = RecordingEventPublisher<NoteEvent>()

    func dispatcher(behaviors: [any OperationBehavior<Area>] = [], failures: Trace = Trace()) -> OperationDispatcher<Area, NoteEvent> {
        OperationDispatcher(behaviors: behaviors, publisher: publisher, publishFailures: { envelope, error in
            failures.add("\(envelope.event.eventName): \(error)")
        })
    }

    /// Writes the note, records `events`, then answers `result`.
    func add(_ text: String, events: [String] = ["NoteAdded"], result: Result<Int, OperationError> = .success(1))
        -> @Sendable (EventRecorder<NoteEvent>) async -> Result<Int, OperationError>
    {
        { [store] recorder in
            store.write(text, "written")
            for name in events { recorder.record(NoteEvent(eventName: name)) }
            return result
        }
    }

    @Test("a command commits, then its events are published in order, with the request's context")
    func commitsThenPublishes() async {
        let result = await dispatcher().run(
            AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store,
            handler: add("a", events: ["NoteAdded", "NoteRejected"]))
        #expect(result == .success(1))
        #expect(store.steps == ["begin", "commit"])
        #expect(store.committed == ["a": "written"])
        #expect(publisher.names == ["NoteAdded", "NoteRejected"])
        #expect(publisher.published.allSatisfy { $0.context == context && $0.operation == "AddNote" })
    }

    @Test("a failing command is rolled back: no writes, no events")
    func failureRollsBack() async {
        let failure = OperationError(code: "too_long", message: "Too long.")
        let result = await dispatcher().run(
            AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store,
            handler: add("a", result: .failure(failure)))
        #expect(result == .failure(failure))
        #expect(store.steps == ["begin", "rollback"])
        #expect(store.committed.isEmpty)
        #expect(publisher.published.isEmpty)
    }

    @Test("a failure that keeps its writes commits them and publishes its events")
    func keptWrites() async {
        let failure = OperationError(code: "rejected", message: "Rejected.").keepingWrites()
        let result = await dispatcher().run(
            AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store,
            handler: add("a", events: ["NoteRejected"], result: .failure(failure)))
        #expect(result.failureCode == "rejected")
        #expect(store.committed == ["a": "written"])
        #expect(publisher.names == ["NoteRejected"])
    }

    @Test("a conflict runs the command again; after three, a transaction that cannot conflict; events of one run only")
    func conflictsRetry() async {
        let runs = Counter()
        store.conflict(times: 5)
        let result = await dispatcher().run(
            AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store
        ) { [store] recorder in
            runs.increment()
            store.write("a", "run \(runs.count)")
            recorder.record(NoteEvent(eventName: "NoteAdded"))
            return .success(runs.count)
        }
        #expect(result == .success(4))
        #expect(store.steps == ["begin", "rollback", "begin", "rollback", "begin", "rollback", "begin immediately", "commit"])
        #expect(store.committed == ["a": "run 4"])
        #expect(publisher.names == ["NoteAdded"])
    }

    @Test("an event the spec does not list fails the command, rolled back and unpublished")
    func undeclaredEvent() async {
        let result = await dispatcher().run(
            AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store,
            handler: add("a", events: ["NoteAdded", "UserDeleted"]))
        #expect(result.failureCode == "undeclared_event")
        #expect(result.failureMessage == "AddNote published UserDeleted, which its spec entry does not list.")
        #expect(store.committed.isEmpty)
        #expect(publisher.published.isEmpty)
    }

    @Test("a commit that fails ends the command as unavailable, with no events")
    func commitFails() async {
        store.failCommits()
        let result = await dispatcher().run(
            AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store, handler: add("a"))
        #expect(result.failureCode == "unavailable")
        #expect(store.committed.isEmpty)
        #expect(publisher.published.isEmpty)
    }

    @Test("a subscriber that fails after the commit changes nothing: the result stands, the next event is published")
    func subscriberFailureIsolated() async {
        publisher.fail(on: ["NoteAdded"])
        let failures = Trace()
        let result = await dispatcher(failures: failures).run(
            AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store,
            handler: add("a", events: ["NoteAdded", "NoteRejected"]))
        #expect(result == .success(1))
        #expect(store.committed == ["a": "written"])
        #expect(publisher.names == ["NoteRejected"])
        #expect(failures.all == ["NoteAdded: a subscriber of NoteAdded failed"])
    }

    @Test("a command without a transaction writes as it goes; its events are published even when it fails")
    func withoutTransaction() async {
        let failure = OperationError(code: "invalid_credentials", message: "No.")
        let result = await dispatcher().run(
            AddNote(text: "a"), metadata: Metadata.addNote(transaction: false), context: context, unitOfWork: store,
            handler: add("a", events: ["NoteRejected"], result: .failure(failure)))
        #expect(result == .failure(failure))
        #expect(store.steps.isEmpty, "no transaction begun")
        #expect(store.committed == ["a": "written"])
        #expect(publisher.names == ["NoteRejected"])
    }

    /// Writes each event into the unit of work it is handed, as a journal in the command's transaction does.
    struct WritingJournal: EventJournal {
        struct Down: Error {}
        var fails = false

        func record(_ envelopes: [EventEnvelope<NoteEvent>], in unitOfWork: any UnitOfWork) async throws {
            if fails { throw Down() }
            let store = try #require(unitOfWork as? InMemoryUnitOfWork)
            for envelope in envelopes { store.write("journal \(envelope.event.eventName)", envelope.operation) }
        }
    }

    func dispatcher(journal: WritingJournal) -> OperationDispatcher<Area, NoteEvent> {
        OperationDispatcher(publisher: publisher, journal: journal)
    }

    @Test("a journal keeps the events with the command's writes, in its transaction, before the commit")
    func journalInTransaction() async {
        let result = await dispatcher(journal: WritingJournal()).run(
            AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store,
            handler: add("a", events: ["NoteAdded"]))
        #expect(result == .success(1))
        #expect(store.steps == ["begin", "commit"])
        #expect(store.committed == ["a": "written", "journal NoteAdded": "AddNote"])
        #expect(publisher.names == ["NoteAdded"])
    }

    @Test("a journal that cannot keep the events fails the command: its writes roll back, nothing is published")
    func journalFails() async {
        let result = await dispatcher(journal: WritingJournal(fails: true)).run(
            AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store, handler: add("a"))
        #expect(result.failureCode == "unavailable")
        #expect(store.steps == ["begin", "rollback"])
        #expect(store.committed.isEmpty)
        #expect(publisher.published.isEmpty)
    }

    @Test("a failure that rolls back still journals and publishes the events that record it, and only those")
    func rolledBackFailureIsRecorded() async {
        let failure = OperationError(code: "too_long", message: "Too long.")
        let result = await dispatcher(journal: WritingJournal()).run(
            AddNote(text: "a"), metadata: Metadata.addNote(), context: context, unitOfWork: store
        ) { [store] recorder in
            store.write("a", "written")
            recorder.record(NoteEvent(eventName: "NoteAdded"))
            recorder.record(NoteEvent(eventName: "NoteRejected", recordsFailure: true))
            return .failure(failure)
        }
        #expect(result == .failure(failure))
        #expect(store.steps == ["begin", "rollback"])
        #expect(store.committed == ["journal NoteRejected": "AddNote"], "kept after the rollback, in a write of its own")
        #expect(publisher.names == ["NoteRejected"])
    }
}

extension Result where Failure == OperationError {
    var failureCode: String? { if case .failure(let error) = self { error.code } else { nil } }
    var failureMessage: String? { if case .failure(let error) = self { error.message } else { nil } }
}
