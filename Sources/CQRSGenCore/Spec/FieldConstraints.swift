public import CQRS

/// What a field's value must be, beyond its type: written beside the field's `type`, checked before the operation's
/// handler runs, and stated in the OpenAPI document.
///
///     email: {type: String, format: email, maxLength: 255}
///     tags: {type: "[String]", minItems: 1, message: Give at least one tag.}
public struct FieldConstraints: Hashable, Sendable {
    /// The keys a field takes for its constraints, as the decoder accepts them and the schema lists them.
    public static let keys = ["minLength", "maxLength", "pattern", "format", "minimum", "maximum", "minItems", "maxItems", "message"]

    /// The constraints' values, out of line: most fields have none, and a spec has tens of thousands of fields, each
    /// of which would otherwise carry nine empty slots (about 240 bytes).
    private struct Values: Hashable, Sendable {
        var minLength: Located<Int>?
        var maxLength: Located<Int>?
        var pattern: Located<String>?
        var format: Located<FieldValidator.Format>?
        var minimum: Located<String>?
        var maximum: Located<String>?
        var minItems: Located<Int>?
        var maxItems: Located<Int>?
        var message: Located<String>?
    }

    /// nil when the field has no constraints.
    private var values: Shared<Values>?

    /// Text: its length in characters.
    public var minLength: Located<Int>? {
        get { self[\.minLength] }
        set { self[\.minLength] = newValue }
    }

    public var maxLength: Located<Int>? {
        get { self[\.maxLength] }
        set { self[\.maxLength] = newValue }
    }

    /// Text: a regular expression the whole value must match.
    public var pattern: Located<String>? {
        get { self[\.pattern] }
        set { self[\.pattern] = newValue }
    }

    public var format: Located<FieldValidator.Format>? {
        get { self[\.format] }
        set { self[\.format] = newValue }
    }

    /// Numbers: inclusive bounds, as written (`1`, `0.01`).
    public var minimum: Located<String>? {
        get { self[\.minimum] }
        set { self[\.minimum] = newValue }
    }

    public var maximum: Located<String>? {
        get { self[\.maximum] }
        set { self[\.maximum] = newValue }
    }

    /// Lists: how many items.
    public var minItems: Located<Int>? {
        get { self[\.minItems] }
        set { self[\.minItems] = newValue }
    }

    public var maxItems: Located<Int>? {
        get { self[\.maxItems] }
        set { self[\.maxItems] = newValue }
    }

    /// What a violation says instead of the generated reason.
    public var message: Located<String>? {
        get { self[\.message] }
        set { self[\.message] = newValue }
    }

    private subscript<Value>(_ key: WritableKeyPath<Values, Value?>) -> Value? {
        get { values?.value[keyPath: key] }
        set {
            var changed = values?.value ?? Values()
            changed[keyPath: key] = newValue
            values = changed == Values() ? nil : Shared(changed)
        }
    }

    public init() {}

    /// Whether the field has no constraint to check (a `message` alone constrains nothing).
    public var isEmpty: Bool {
        guard let values = values?.value else { return true }
        return values.minLength == nil && values.maxLength == nil && values.pattern == nil && values.format == nil
            && values.minimum == nil && values.maximum == nil && values.minItems == nil && values.maxItems == nil
    }
}
