/// Naming conventions the validator enforces: the verbs commands start with, the words queries start with, and the
/// prefix that marks a paginated query. Defaults are Dashtam's.
public struct ConventionsSpec: Hashable, Sendable {
    public static let defaultCommandPrefixes = [
        "Register", "Authenticate", "Verify", "Refresh", "Request", "Confirm", "Logout", "Create", "Revoke", "Link",
        "Record", "Update", "Generate", "Trigger", "Connect", "Disconnect", "Sync", "Import",
    ]
    public static let defaultQueryPrefixes = ["Get", "List"]
    public static let defaultPaginatedQueryPrefix = "List"

    public var commandPrefixes: [Located<String>]
    public var queryPrefixes: [Located<String>]
    public var paginatedQueryPrefix: Located<String>
    /// Where `conventions` is written, if it is.
    public var location: SourceLocation?

    public init(
        commandPrefixes: [Located<String>] = Self.defaultCommandPrefixes.map { Located($0, at: .startOfFile) },
        queryPrefixes: [Located<String>] = Self.defaultQueryPrefixes.map { Located($0, at: .startOfFile) },
        paginatedQueryPrefix: Located<String> = Located(Self.defaultPaginatedQueryPrefix, at: .startOfFile),
        location: SourceLocation? = nil
    ) {
        self.commandPrefixes = commandPrefixes
        self.queryPrefixes = queryPrefixes
        self.paginatedQueryPrefix = paginatedQueryPrefix
        self.location = location
    }
}
