import CQRS
import Testing

@Suite("Operation errors")
struct OperationErrorTests {
    /// An error that, like PostgresNIO's, keeps its details out of its description.
    struct GuardedError: Error, CustomStringConvertible, CustomDebugStringConvertible {
        var description: String { "Generic description to prevent accidental leakage of sensitive data." }
        var debugDescription: String { "server: relation \"users\" does not exist (42P01)" }
    }

    struct PlainError: Error, CustomStringConvertible {
        var description: String { "disk I/O error" }
    }

    @Test("an infrastructure failure keeps the error's details for the log: its debug description when it has one")
    func unavailableDetails() {
        let guarded = OperationError.unavailable(GuardedError())
        #expect(guarded.code == "unavailable")
        #expect(guarded.message == "The operation could not be completed: server: relation \"users\" does not exist (42P01)")
        #expect(OperationError.unavailable(PlainError()).message == "The operation could not be completed: disk I/O error")
    }
}
