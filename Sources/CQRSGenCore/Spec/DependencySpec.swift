/// One entry of `dependencies.request` or `dependencies.app`: a type that handlers take in their initialisers.
public struct DependencySpec: Hashable, Sendable {
    public enum Scope: String, Hashable, Sendable, CaseIterable {
        /// Built per request on its database session.
        case request
        /// One instance for the life of the app.
        case app
    }

    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Handlers take it as `any TypeName`.
        case `protocol`
        /// Handlers take it as `TypeName`.
        case concrete
    }

    /// The Swift type handlers take, and the key operations list it by.
    public var typeName: String
    /// The property of the scope and the argument label of handler initialisers.
    public var propertyName: Located<String>
    public var kind: Kind
    public var scope: Scope
    public var description: String?
    /// Where the type name is written, as a key.
    public var location: SourceLocation

    public init(
        typeName: String, propertyName: Located<String>, kind: Kind, scope: Scope, description: String?,
        at location: SourceLocation
    ) {
        self.typeName = typeName
        self.propertyName = propertyName
        self.kind = kind
        self.scope = scope
        self.description = description
        self.location = location
    }

    /// The property name used when an entry gives none: the type name in lowerCamelCase (`UserRepository` →
    /// `userRepository`, `URLSession` → `urlSession`).
    public static func defaultPropertyName(for typeName: String) -> String {
        let bytes = Array(typeName.utf8)
        let isUpper = { (byte: UInt8) in (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
        var uppercasePrefix = bytes.prefix(while: isUpper).count
        // In `URLSession` the last capital starts the next word; in `URL` or `Cache` it does not.
        if uppercasePrefix > 1, uppercasePrefix < bytes.count {
            uppercasePrefix -= 1
        }
        uppercasePrefix = min(max(uppercasePrefix, 1), bytes.count)
        let lowered = bytes.prefix(uppercasePrefix).map { isUpper($0) ? $0 + 32 : $0 }
        return String(decoding: lowered + bytes.dropFirst(uppercasePrefix), as: UTF8.self)
    }
}
