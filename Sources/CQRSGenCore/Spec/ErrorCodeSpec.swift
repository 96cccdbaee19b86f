/// One entry of `errors`: a failure code handlers answer with and routes map to statuses, with what it means.
public struct ErrorCodeSpec: Hashable, Sendable {
    /// The code on the wire, snake_case (`session_not_found`).
    public var code: String
    public var description: String
    public var location: SourceLocation

    public init(code: String, description: String, at location: SourceLocation) {
        self.code = code
        self.description = description
        self.location = location
    }
}
