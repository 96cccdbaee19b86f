import Foundation

/// The system's wall clock: what `WallClock` is in production.
struct SystemWallClock: WallClock {
    var now: Date { Date() }
}
