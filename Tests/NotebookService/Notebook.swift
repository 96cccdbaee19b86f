import CQRS
import Foundation
import Synchronization

/// The notes: what the test handlers read and write.
protocol Notebook: Sendable {
    func add(_ note: Note)
    func all() -> [Note]
    func remove(_ id: UUID, owner: String) -> Bool
    func removeAll() -> Int
}

/// Notes no route may publish: the spec declares no events.
struct NoteEvent: NamedEvent {
    let eventName: String
}

final class InMemoryNotebook: Notebook {
    private let notes = Mutex<[Note]>([])

    func add(_ note: Note) { notes.withLock { $0.append(note) } }
    func all() -> [Note] { notes.withLock { $0 } }
    func remove(_ id: UUID, owner: String) -> Bool {
        notes.withLock { notes in
            guard let index = notes.firstIndex(where: { $0.id == id && $0.owner == owner }) else { return false }
            notes.remove(at: index)
            return true
        }
    }
    func removeAll() -> Int { notes.withLock { notes in defer { notes = [] }; return notes.count } }
}

struct NotebookDependencies: RequestDependencies, AppDependencies {
    let notebook: any Notebook
}

struct CreateNoteHandler: CreateNoteHandling {
    let notebook: any Notebook

    func handle(_ command: CreateNote) async -> Result<Note, OperationError> {
        guard !notebook.all().contains(where: { $0.owner == command.owner && $0.title == command.title }) else {
            return .failure(OperationError(code: "title_taken", message: "You have a note called '\(command.title)'."))
        }
        if command.title == "explode" {
            return .failure(.unavailable(CocoaError(.fileReadCorruptFile)))
        }
        let note = Note(id: UUID(), owner: command.owner, title: command.title, pinned: command.pinned)
        notebook.add(note)
        return .success(note)
    }
}

struct DeleteNoteHandler: DeleteNoteHandling {
    let notebook: any Notebook

    func handle(_ command: DeleteNote) async -> Result<Void, OperationError> {
        notebook.remove(command.noteId, owner: command.owner) ? .success(()) : .failure(.notFound("note"))
    }
}

struct PurgeNotesHandler: PurgeNotesHandling {
    let notebook: any Notebook

    func handle(_ command: PurgeNotes) async -> Result<Int, OperationError> {
        .success(notebook.removeAll())
    }
}

struct GetNoteHandler: GetNoteHandling {
    let notebook: any Notebook

    func handle(_ query: GetNote) async -> Result<Note, OperationError> {
        guard let note = notebook.all().first(where: { $0.id == query.noteId && $0.owner == query.owner }) else {
            return .failure(.notFound("note"))
        }
        return .success(note)
    }
}

struct ListNotesHandler: ListNotesHandling {
    let notebook: any Notebook

    func handle(_ query: ListNotes) async -> Result<NoteList, OperationError> {
        let notes = notebook.all().filter { $0.owner == query.owner && (!query.pinnedOnly || $0.pinned) }
        return .success(NoteList(notes: Array(notes.dropFirst(query.offset).prefix(query.limit)), total: notes.count))
    }
}

struct CountNotesHandler: CountNotesHandling {
    let notebook: any Notebook

    func handle(_ query: CountNotes) async -> Result<Int, OperationError> {
        .success(notebook.all().count)
    }
}

struct RequestDigestHandler: RequestDigestHandling {
    let notebook: any Notebook

    func handle(_ command: RequestDigest) async -> Result<String, OperationError> {
        .success([command.email, command.sessionId ?? "-", command.address ?? "-", command.reason, command.cadence].joined(separator: "|"))
    }
}
