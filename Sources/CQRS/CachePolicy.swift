/// How long a query's result may be cached.
public enum CachePolicy: String, Hashable, Sendable, Codable, CaseIterable {
    /// Never cached.
    case none
    /// Frequently changing data: one minute.
    case short
    /// Moderately stable data: five minutes.
    case medium
    /// Rarely changing data: one hour.
    case long
    /// Data that changes only by explicit invalidation: one day.
    case aggressive

    /// How long a cached result stays valid; nil for `none`.
    public var timeToLive: Duration? {
        switch self {
        case .none: nil
        case .short: .seconds(60)
        case .medium: .seconds(300)
        case .long: .seconds(3_600)
        case .aggressive: .seconds(86_400)
        }
    }
}
