/// Bounds on what the reader accepts, so that no input can exhaust memory or time.
///
/// The defaults leave room for specs far larger than any application's (100,000 operations is about 45 MB
/// and 4 million nodes) while refusing inputs that only an attack or a runaway script would produce.
public struct ReaderLimits: Hashable, Sendable {
    /// The largest spec file, in bytes.
    public var maximumBytes: Int
    /// The deepest nesting of mappings and lists. The spec language itself needs six levels.
    public var maximumDepth: Int
    /// The most scalars, mappings and lists in the file.
    public var maximumNodes: Int

    public init(maximumBytes: Int = 256 << 20, maximumDepth: Int = 64, maximumNodes: Int = 16_000_000) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
        self.maximumNodes = maximumNodes
    }

    public static let `default` = ReaderLimits()
}
