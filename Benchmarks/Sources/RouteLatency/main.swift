import CQRS
import CQRSHummingbird
import Foundation
import Hummingbird
import NIOCore

// Serves two operations twice on 127.0.0.1 (port: the first argument, 8090 by default): at /notes by the routes
// generated from operations.yaml, served by CQRSHummingbird, and at /hand/notes by routes written as one would by
// hand, reading the same values, running the same dispatcher and handler, and encoding the same JSON. What wrk
// measures between the two is what the generated route and the adapter cost (Benchmarks/route_latency.py).

/// Where the handlers find notes.
protocol NoteStore: Sendable {
    func find(_ id: UUID) -> Note?
}

/// The notes, in memory; one is known from the start, so that every GET finds it.
final class MemoryNoteStore: NoteStore {
    static let known = Note(id: UUID(uuidString: "6F3C2B1A-0000-4000-8000-000000000001")!, title: "Known", pinned: true)

    func find(_ id: UUID) -> Note? { id == Self.known.id ? Self.known : nil }
}

struct Dependencies: RequestDependencies, AppDependencies {
    let noteStore: any NoteStore
}

struct CreateNoteHandler: CreateNoteHandling {
    let noteStore: any NoteStore

    func handle(_ command: CreateNote) async -> Result<Note, OperationError> {
        .success(Note(id: UUID(), title: command.title, pinned: command.pinned))
    }
}

struct GetNoteHandler: GetNoteHandling {
    let noteStore: any NoteStore

    func handle(_ query: GetNote) async -> Result<Note, OperationError> {
        guard let note = noteStore.find(query.noteId) else { return .failure(.notFound("note")) }
        return .success(note)
    }
}

struct Event: NamedEvent {
    let eventName: String
}

struct DiscardingPublisher: EventPublisher {
    func publish(_ envelope: EventEnvelope<Event>) async throws {}
}

struct LatencyContext: CQRSRequestContext {
    var coreContext: CoreRequestContextStorage
    var caller: HTTPCaller? { nil }
    var clientAddress: String? { nil }

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}

/// One dispatcher and one store for both sets of routes.
struct Runner: OperationRouteRunner {
    typealias RequestContext = LatencyContext
    let dispatcher = OperationDispatcher<OperationCategory, Event>(publisher: DiscardingPublisher())
    let dependencies = Dependencies(noteStore: MemoryNoteStore())

    func run<C: DispatchableCommand>(_ command: C, in context: LatencyContext) async -> Result<C.Output, OperationError> {
        await dispatcher.run(command, context: OperationContext(correlationId: "bench"), unitOfWork: NoUnitOfWork()) { _ in
            HandlerFactory(request: dependencies, app: dependencies)
        }
    }

    func run<Q: DispatchableQuery>(_ query: Q, in context: LatencyContext) async -> Result<Q.Output, OperationError> {
        await dispatcher.run(query, context: OperationContext(correlationId: "bench")) { _ in
            HandlerFactory(request: dependencies, app: dependencies)
        }
    }
}

let runner = Runner()
let router = Router(context: LatencyContext.self)
OperationRoutes.register(with: HummingbirdRouteRegistrar(router: router, category: OperationCategory.self), runner: runner)

// The same two operations, written by hand: the values read directly, one problem for the first thing wrong.
let encoder = HTTPRouteConfiguration.defaultEncoder
let decoder = HTTPRouteConfiguration.defaultDecoder

func json(_ note: Note, status: HTTPResponse.Status) throws -> Response {
    Response(
        status: status, headers: [.contentType: "application/json"],
        body: ResponseBody(byteBuffer: ByteBuffer(data: try encoder.encode(note))))
}

func problem(_ status: HTTPResponse.Status, _ code: String) -> Response {
    ProblemDetails(status: status, code: code, detail: code).response()
}

router.get("hand/notes/:noteId") { request, context -> Response in
    guard let text = context.parameters.get("noteId"), let noteId = UUID(uuidString: text) else {
        return problem(.notFound, "not_found")
    }
    var verbose = false
    if let text = request.uri.queryParameters.get("verbose") {
        guard let value = Bool(String(text)) else { return problem(.badRequest, "invalid_request") }
        verbose = value
    }
    switch await runner.run(GetNote(noteId: noteId, verbose: verbose), in: context) {
    case .success(let note): return try json(note, status: .ok)
    case .failure(let error): return problem(.notFound, error.code)
    }
}

struct CreateNoteBody: Decodable {
    var title: String
    var pinned: Bool?
}

router.post("hand/notes") { request, context -> Response in
    guard let body = try? await request.body.collect(upTo: 64 * 1024),
          let decoded = try? decoder.decode(CreateNoteBody.self, from: Data(body.readableBytesView))
    else { return problem(.badRequest, "invalid_request") }
    switch await runner.run(CreateNote(title: decoded.title, pinned: decoded.pinned ?? false), in: context) {
    case .success(let note): return try json(note, status: .created)
    case .failure(let error): return problem(.badRequest, error.code)
    }
}

let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8090
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "route-latency"))
try await app.runService()
