import CQRS

// One dispatch, from nonisolated code as a server's request handler calls it, against calling the handler closure
// with a new recorder: the dispatcher's own cost, without the benchmark harness's executor hops.
//
//     swift run -c release --package-path Benchmarks DispatchLoop [runs]

enum Category: String, RegistryCategory { case all }
struct Event: NamedEvent { var eventName: String }
struct Increment: Command {
    typealias Output = Int
    var value: Int
}
struct Discarding: EventPublisher {
    func publish(_ envelope: EventEnvelope<Event>) async throws {}
}

let metadata = CommandMetadata<Category>(
    commandType: Increment.self, handlerType: Increment.self, category: .all, resultType: Int.self,
    resultTypeName: "Int", hasResultDTO: false, emitsEvents: false, requiresTransaction: true, events: [],
    description: "Add one.", location: SpecLocation(file: "none", line: 1, column: 1))
let dispatcher = OperationDispatcher<Category, Event>(publisher: Discarding())
let context = OperationContext(correlationId: "loop")
let runs = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 200_000

nonisolated func dispatched() async -> Duration {
    let start = ContinuousClock.now
    for value in 0..<runs {
        _ = await dispatcher.run(Increment(value: value), metadata: metadata, context: context, unitOfWork: NoUnitOfWork()) { _ in
            .success(value + 1)
        }
    }
    return ContinuousClock.now - start
}

nonisolated func called() async -> Duration {
    let start = ContinuousClock.now
    for value in 0..<runs {
        let handler: @Sendable (EventRecorder<Event>) async -> Result<Int, OperationError> = { _ in .success(value + 1) }
        _ = await handler(EventRecorder())
    }
    return ContinuousClock.now - start
}

let direct = await called(), through = await dispatched()
print("handler closure with a new recorder: \(direct / runs) per run")
print("OperationDispatcher, no behaviours:  \(through / runs) per run (\(runs) runs)")
