/// Who asked for an operation and why: carried through every behaviour, and onto every event the operation publishes,
/// so that an audit can follow one request from its caller through everything it caused.
public struct OperationContext: Sendable, Hashable, Codable {
    /// The authenticated caller, as the application names them (a user id); nil for an anonymous request.
    public var caller: String?
    /// The same for every operation and event of one request or workflow, across services.
    public var correlationId: String
    /// What directly caused this operation: the id of the event or request that led to it; nil for a first cause.
    public var causationId: String?

    public init(caller: String? = nil, correlationId: String, causationId: String? = nil) {
        self.caller = caller
        self.correlationId = correlationId
        self.causationId = causationId
    }
}
