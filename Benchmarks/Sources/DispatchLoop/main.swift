import CQRS

// One command dispatched from nonisolated code, as a server's request handler calls it, against the same handler
// built by hand: the dispatcher's own cost without the benchmark harness's executor hops. Each figure is the best of
// seven rounds, so that another process's burst does not decide it.
//
//     swift run -c release --package-path Benchmarks DispatchLoop [runs]

struct Event: NamedEvent { var eventName: String }

struct Discarding: EventPublisher {
    func publish(_ envelope: EventEnvelope<Event>) async throws {}
}

let session = DatabaseSession()
let singletons = Singletons()
let context = OperationContext(correlationId: "loop")
let command = RefreshAccessToken(refreshToken: "token")
let runs = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 200_000
let factory: @Sendable (EventRecorder<Event>) -> HandlerFactory<Request, Singletons> = { _ in
    HandlerFactory(request: Request(session: session), app: singletons)
}
let dispatchers = [0, 1, 4].map { count in
    (count, OperationDispatcher<OperationCategory, Event>(
        behaviors: Array(repeating: PassThrough(), count: count), publisher: Discarding()))
}

nonisolated func handWritten() async -> Duration {
    let start = ContinuousClock.now
    for _ in 0..<runs {
        _ = await wiredHandler(session: session, singletons: singletons).handle(command)
    }
    return (ContinuousClock.now - start) / runs
}

/// What every dispatch does before the dispatcher's own work: a new recorder, the generated factory around it, the
/// spec's handler from the factory, then `handle`.
nonisolated func factoryAndRecorder() async -> Duration {
    let start = ContinuousClock.now
    for _ in 0..<runs {
        let recorder = EventRecorder<Event>()
        _ = await factory(recorder).refreshAccessTokenHandlerFromSpec().handle(command)
        _ = recorder.drain()
    }
    return (ContinuousClock.now - start) / runs
}

nonisolated func dispatched(_ dispatcher: OperationDispatcher<OperationCategory, Event>) async -> Duration {
    let start = ContinuousClock.now
    for _ in 0..<runs {
        _ = await dispatcher.run(command, context: context, unitOfWork: NoUnitOfWork(), factory: factory)
    }
    return (ContinuousClock.now - start) / runs
}

var limit = Duration.seconds(1), floor = Duration.seconds(1)
var through = Array(repeating: Duration.seconds(1), count: dispatchers.count)
for _ in 0..<7 {
    limit = min(limit, await handWritten())
    floor = min(floor, await factoryAndRecorder())
    for (index, (_, dispatcher)) in dispatchers.enumerated() {
        through[index] = min(through[index], await dispatched(dispatcher))
    }
}

func nanoseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
}

print("\(runs) runs, best of 7 rounds")
print("hand-written (wiring function, then handle): \(Int(nanoseconds(limit).rounded())) ns")
let floorRatio = (nanoseconds(floor) / nanoseconds(limit) * 100).rounded() / 100
print("new recorder, generated factory, then handle (no dispatcher): \(Int(nanoseconds(floor).rounded())) ns (\(floorRatio)x)")
for (index, (count, _)) in dispatchers.enumerated() {
    let cost = nanoseconds(through[index])
    let ratio = cost / nanoseconds(limit)
    print("OperationDispatcher, \(count) no-op behaviour(s): \(Int(cost.rounded())) ns (\((ratio * 100).rounded() / 100)x)")
}
