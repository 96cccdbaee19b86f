/// A Swift type as the spec may spell it: a name (`UUID`, `AccountResult`), a declared generic type with its
/// arguments (`Page<TodoItem>`), an optional (`T?`), an array (`[T]`) or a dictionary (`[K: V]`). Type expressions are parsed by a small grammar, never pasted into generated code.
///
/// Only the recursive cases are boxed: most types are a bare name, and a spec holds tens of thousands of them.
public enum TypeExpression: Hashable, Sendable, CustomStringConvertible {
    case named(String)
    indirect case generic(String, [TypeExpression])
    indirect case optional(TypeExpression)
    indirect case array(TypeExpression)
    indirect case dictionary(key: TypeExpression, value: TypeExpression)

    /// The canonical Swift spelling.
    public var description: String {
        switch self {
        case .named(let name): name
        case .generic(let name, let arguments): "\(name)<\(arguments.map(\.description).joined(separator: ", "))>"
        case .optional(let wrapped): "\(wrapped)?"
        case .array(let element): "[\(element)]"
        case .dictionary(let key, let value): "[\(key): \(value)]"
        }
    }

    /// Every type name the expression mentions, outermost first.
    public var referencedNames: [String] {
        switch self {
        case .named(let name): [name]
        case .generic(let name, let arguments): [name] + arguments.flatMap(\.referencedNames)
        case .optional(let wrapped): wrapped.referencedNames
        case .array(let element): element.referencedNames
        case .dictionary(let key, let value): key.referencedNames + value.referencedNames
        }
    }
}

/// A type written in the spec: the text as written, where it is, and its parsed form. A reference whose text does
/// not parse has no expression; the decoder has already reported why.
public struct TypeReference: Hashable, Sendable {
    /// The type as written and as parsed: shared by every reference that spells it the same way, which the decoder
    /// arranges. A spec of 10,000 operations names a few dozen types some 50,000 times; each reference kept its own
    /// text and parsed expression, boxes included, and they were a tenth of the spec in memory.
    struct Written: Hashable, Sendable {
        var text: String
        var expression: TypeExpression?
    }

    private var written: Shared<Written>
    public var location: SourceLocation

    public init(text: String, expression: TypeExpression?, at location: SourceLocation) {
        self.init(Shared(Written(text: text, expression: expression)), at: location)
    }

    /// A reference to a type already written elsewhere, sharing its text and expression.
    init(_ written: Shared<Written>, at location: SourceLocation) {
        self.written = written
        self.location = location
    }

    public var text: String {
        get { written.value.text }
        set { written.value.text = newValue }
    }

    public var expression: TypeExpression? {
        get { written.value.expression }
        set { written.value.expression = newValue }
    }

    /// The shared text and expression, for another reference that spells the type the same way.
    var sharedWritten: Shared<Written> { written }
}
