import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map`, with the elements transformed on all cores at once and the results kept in order. For work that is
    /// independent and large (rendering whole files, running whole validation rules), on values that are `Sendable`.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = OrderedResults<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(transform(self[index]), at: index)
        }
        return results.values
    }
}

/// Results written by concurrent workers, each at its own index, read once all are done.
private final class OrderedResults<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    func set(_ value: sending Value, at index: Int) {
        slots.withLock { $0[index] = value }
    }

    var values: [Value] {
        slots.withLock { $0.map { $0! } }
    }
}
