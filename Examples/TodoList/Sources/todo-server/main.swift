import CQRS
import Hummingbird
import TodoCore
import TodoHTTP

// Serves the to-do app over HTTP on 127.0.0.1:8080 (or the port given as the first argument), in memory.
//
//     curl -s -X POST localhost:8080/lists -H 'Content-Type: application/json' -d '{"title": "Groceries"}'

/// Events go nowhere here: the server keeps no log of them.
struct DiscardingPublisher: EventPublisher {
    func publish(_ envelope: EventEnvelope<DomainEvent>) async throws {}
}

let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8080
let app = Application(
    router: todoRouter(app: TodoApp(publisher: DiscardingPublisher())),
    configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "todo-server"))
try await app.runService()
