import CQRS
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A clock a test moves by hand, for caches' time to live and for every date an application stamps: no test waits
/// for time to pass, and every date a test sees is the same on every run.
public final class ManualClock: Sendable {
    private let start = ContinuousClock.now
    private let startDate: Date
    private let offset = Mutex(Duration.zero)

    /// A clock whose wall time starts at `date`: by default 2026-01-01 00:00:00 UTC, whatever day the test runs.
    public init(date: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        startDate = date
    }

    /// Moves both the monotonic time and the wall time forward.
    public func advance(by duration: Duration) {
        offset.withLock { $0 += duration }
    }

    /// The clock for a ``DispatchClock`` user: the dispatcher's query store, a rate limiter.
    public var dispatchClock: DispatchClock {
        DispatchClock { [self] in start + offset.withLock { $0 } }
    }

    /// The wall time: the starting date, moved by every ``advance(by:)`` since.
    public var date: Date {
        let elapsed = offset.withLock { $0 }.components
        return startDate.addingTimeInterval(TimeInterval(elapsed.seconds) + TimeInterval(elapsed.attoseconds) / 1e18)
    }
}
