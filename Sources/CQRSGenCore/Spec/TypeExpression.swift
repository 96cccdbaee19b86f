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
    public var text: String
    public var expression: TypeExpression?
    public var location: SourceLocation

    public init(text: String, expression: TypeExpression?, at location: SourceLocation) {
        self.text = text
        self.expression = expression
        self.location = location
    }
}
