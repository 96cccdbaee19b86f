import CQRS
import Synchronization

/// A clock a test moves by hand, for caches' time to live: no test waits for time to pass.
public final class ManualClock: Sendable {
    private let start = ContinuousClock.now
    private let offset = Mutex(Duration.zero)

    public init() {}

    public func advance(by duration: Duration) {
        offset.withLock { $0 += duration }
    }

    /// The clock for a ``DispatchClock`` user: the dispatcher's query store, a rate limiter.
    public var dispatchClock: DispatchClock {
        DispatchClock { [self] in start + offset.withLock { $0 } }
    }
}
