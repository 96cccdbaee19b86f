/// One transaction of the application's store, which the dispatcher opens around every command the spec marks
/// `requiresTransaction`: the application implements it for its database.
///
/// A store that runs transactions optimistically reports, through ``hadConflict``, that what the transaction read
/// changed before it could write, at a statement or at the commit; the dispatcher then rolls back, drops the
/// command's events, and runs it again.
public protocol UnitOfWork: Sendable {
    /// Begins a transaction. `immediately`: one that cannot conflict (the dispatcher's last attempt asks for it).
    func begin(immediately: Bool) async throws
    /// Makes the transaction's writes visible; throws when they could not be, and the transaction is then rolled back.
    func commit() async throws
    /// Discards the transaction's writes.
    func rollback() async
    /// Whether the transaction found that data it had read changed before it could write.
    var hadConflict: Bool { get }
}

/// For commands that need no transaction, and stores that have none: every step does nothing.
public struct NoUnitOfWork: UnitOfWork {
    public init() {}
    public func begin(immediately: Bool) async throws {}
    public func commit() async throws {}
    public func rollback() async {}
    public var hadConflict: Bool { false }
}
