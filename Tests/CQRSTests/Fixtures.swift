import CQRS
import CQRSTesting
import Synchronization

/// A small application for the dispatcher's tests: notes, with a command that writes one, a query that pages
/// through them, and their metadata as the generator would write it.
enum Area: String, RegistryCategory {
    case notes, admin
}

struct NoteEvent: NamedEvent, Hashable {
    var eventName: String
    /// Whether it records its command's failure, as a workflow's `failed` phase does.
    var recordsFailure = false
}

struct AddNote: Command {
    typealias Output = Int
    var text: String
}

struct Purge: Command {
    typealias Output = Int
}

struct ListNotes: PaginatedQuery {
    typealias Output = [String]
    var limit: Int
    var offset: Int
    var pageRequest: PageRequest { .offset(limit: limit, offset: offset) }
}

enum Metadata {
    static let location = SpecLocation(file: "spec.yaml", line: 1, column: 1)

    static func addNote(transaction: Bool = true) -> CommandMetadata<Area> {
        CommandMetadata(
            commandType: AddNote.self, handlerType: AddNote.self, category: .notes, resultType: Int.self,
            resultTypeName: "Int", hasResultDTO: false, emitsEvents: true, requiresTransaction: transaction,
            events: ["NoteAdded", "NoteRejected"], description: "Add a note.", location: location)
    }

    static let purge = CommandMetadata<Area>(
        commandType: Purge.self, handlerType: Purge.self, category: .admin, resultType: Int.self, resultTypeName: "Int",
        hasResultDTO: false, emitsEvents: false, requiresTransaction: true, events: [], description: "Purge.",
        location: location)

    static let listNotes = QueryMetadata<Area>(
        queryType: ListNotes.self, handlerType: ListNotes.self, category: .notes, resultType: [String].self,
        resultTypeName: "[String]", pagination: PaginationMetadata(style: .offset, maximumPageSize: 10),
        cachePolicy: .short, description: "List notes.", location: location)
}

/// Counts calls, from any task.
final class Counter: Sendable {
    private let value = Mutex(0)
    func increment() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}

/// Keeps lines in order, from any task: what behaviours and handlers saw.
final class Trace: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

let context = OperationContext(caller: "ada", correlationId: "req-1", causationId: "click-7")
