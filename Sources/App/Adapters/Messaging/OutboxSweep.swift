import Foundation
import ServiceLifecycle

/// Every instance's sweep of the whole event outbox: at start (the jobs an instance left when it stopped) and then
/// on every ``interval`` (those, and failed jobs that are due again). Jobs are claimed one at a time, so instances
/// that sweep together share the work; none is done twice.
struct OutboxSweep: Service {
    static let interval: Duration = .seconds(5)

    let relay: OutboxRelay
    var interval: Duration = Self.interval

    func run() async {
        // Shutting down cancels the sweep: a wait ends at once, and a delivery in progress rolls back (its job stays
        // due, for the next instance to sweep).
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                while await relay.deliver() == OutboxRelay.batchSize, !Task.isCancelled {}
                try? await Task.sleep(for: interval)
            }
        }
    }
}
