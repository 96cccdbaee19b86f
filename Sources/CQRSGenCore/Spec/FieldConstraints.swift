public import CQRS

/// What a field's value must be, beyond its type: written beside the field's `type`, checked before the operation's
/// handler runs, and stated in the OpenAPI document.
///
///     email: {type: String, format: email, maxLength: 255}
///     tags: {type: "[String]", minItems: 1, message: Give at least one tag.}
public struct FieldConstraints: Hashable, Sendable {
    /// The keys a field takes for its constraints, as the decoder accepts them and the schema lists them.
    public static let keys = ["minLength", "maxLength", "pattern", "format", "minimum", "maximum", "minItems", "maxItems", "message"]

    /// Text: its length in characters.
    public var minLength: Located<Int>?
    public var maxLength: Located<Int>?
    /// Text: a regular expression the whole value must match.
    public var pattern: Located<String>?
    public var format: Located<FieldValidator.Format>?
    /// Numbers: inclusive bounds, as written (`1`, `0.01`).
    public var minimum: Located<String>?
    public var maximum: Located<String>?
    /// Lists: how many items.
    public var minItems: Located<Int>?
    public var maxItems: Located<Int>?
    /// What a violation says instead of the generated reason.
    public var message: Located<String>?

    public init() {}

    public var isEmpty: Bool {
        minLength == nil && maxLength == nil && pattern == nil && format == nil && minimum == nil && maximum == nil
            && minItems == nil && maxItems == nil
    }
}
