/// Conventions the validator enforces: the verbs command names start with, the words query names start with,
/// optionally a prefix every paginated query's name carries (set in `cqrs-gen-config.yaml`'s `naming`), and whether
/// every query that answers a list must be paginated (`pagination.requiredForLists`).
///
/// The defaults suit most applications: the imperative verbs commands are commonly named with, and the words queries
/// are. A team extends either list with `additionalCommandPrefixes` or `additionalQueryPrefixes`, or replaces it.
public struct ConventionsSpec: Hashable, Sendable {
    public static let defaultCommandPrefixes = [
        "Accept", "Activate", "Add", "Apply", "Approve", "Archive", "Assign", "Attach", "Authenticate", "Authorize",
        "Ban", "Block", "Book", "Cancel", "Change", "Charge", "Check", "Clear", "Close", "Complete", "Confirm", "Connect",
        "Copy", "Create", "Deactivate", "Decline", "Delete", "Deny", "Deploy", "Detach", "Disable", "Disconnect",
        "Dismiss", "Edit", "Enable", "Enqueue", "Execute", "Export", "Finish", "Flag", "Follow", "Generate", "Grant",
        "Hide", "Import", "Increment", "Decrement", "Initialize", "Invite", "Join", "Leave", "Link", "Lock", "Log",
        "Login", "Logout", "Mark", "Merge", "Move", "Notify", "Open", "Pause", "Pay", "Place", "Post", "Process",
        "Publish", "Purge", "Put", "Rate", "Record", "Refresh", "Refund", "Register", "Reject", "Release", "Remove",
        "Rename", "Reopen", "Reorder", "Replace", "Report", "Request", "Reserve", "Reset", "Resolve", "Restore",
        "Resume", "Retry", "Revoke", "Rotate", "Run", "Save", "Schedule", "Send", "Set", "Share", "Sign",
        "Start", "Stop", "Submit", "Subscribe", "Suspend", "Sync", "Tag", "Toggle", "Track", "Transfer", "Trigger",
        "Unarchive", "Unassign", "Unblock", "Unfollow", "Unlink", "Unlock", "Unpublish", "Unregister", "Unsubscribe",
        "Untag", "Update", "Upload", "Upsert", "Validate", "Verify", "Withdraw",
    ]
    public static let defaultQueryPrefixes = [
        "Browse", "Count", "Describe", "Download", "Fetch", "Find", "Get", "List", "Load", "Lookup", "Query", "Read",
        "Search", "Summarize", "View",
    ]

    public var commandPrefixes: [Located<String>]
    public var queryPrefixes: [Located<String>]
    /// The prefix every paginated query's name must carry (Dashtam's `List`); nil when names are free.
    public var paginatedQueryPrefix: Located<String>?
    /// Whether every query whose answer holds a list must declare `pagination` (``PaginatedListsRule``).
    public var requiresPaginatedLists: Bool
    /// Where `naming` is written in the configuration, if it is.
    public var location: SourceLocation?
    /// How fields are named in query strings and JSON bodies (`http.wireNames`), for the rules that compare the names a
    /// request carries.
    public var wireNames: GeneratorOptions.WireNames = .camelCase

    public init(
        commandPrefixes: [Located<String>] = Self.defaultCommandPrefixes.map { Located($0, at: .startOfFile) },
        queryPrefixes: [Located<String>] = Self.defaultQueryPrefixes.map { Located($0, at: .startOfFile) },
        paginatedQueryPrefix: Located<String>? = nil,
        requiresPaginatedLists: Bool = false,
        location: SourceLocation? = nil
    ) {
        self.commandPrefixes = commandPrefixes
        self.queryPrefixes = queryPrefixes
        self.paginatedQueryPrefix = paginatedQueryPrefix
        self.requiresPaginatedLists = requiresPaginatedLists
        self.location = location
    }
}
