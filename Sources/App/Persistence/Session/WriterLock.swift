import Synchronization

/// The right to use SQLite's one writer connection, granted to one request at a time in the order asked.
///
/// SQLite lets one connection write at a time, and a transaction that a request opens stays open across its
/// handler's suspension points. Without this lock, another request's statement on the writer connection would
/// land inside that transaction. Waiting here suspends a task instead of blocking a thread on SQLite's busy handler.
final class WriterLock: Sendable {
    private struct State {
        var isHeld = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        var head = 0
    }

    private let state = Mutex(State())

    /// Whether someone holds the lock now (tests check that long work lets go of it between its writes).
    var isHeld: Bool { state.withLock(\.isHeld) }

    /// How many callers wait for the lock now (tests wait for a waiter to queue before starting the next).
    var waiting: Int { state.withLock { $0.waiters.count - $0.head } }

    /// Waits until the lock is this caller's. Not cancellable: a transaction's owner must be able to finish it.
    func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { state -> Bool in
                if state.isHeld {
                    state.waiters.append(continuation)
                    return false
                }
                state.isHeld = true
                return true
            }
            if granted { continuation.resume() }
        }
    }

    /// Hands the lock to the longest waiter, or frees it.
    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            precondition(state.isHeld, "WriterLock released while free")
            guard state.head < state.waiters.count else {
                state.isHeld = false
                state.waiters.removeAll(keepingCapacity: true)
                state.head = 0
                return nil
            }
            defer { state.head += 1 }
            return state.waiters[state.head]
        }
        next?.resume()
    }
}
