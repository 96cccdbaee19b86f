/// What the spec's names must look like to become Swift declarations.
public enum SwiftIdentifier {
    /// Why `name` is not an ASCII Swift identifier, or nil when it is one.
    ///
    /// Swift accepts many Unicode identifiers, but the spec keeps to ASCII so that every name types the same on every
    /// keyboard and reads the same in every diff.
    public static func problem(with name: String) -> String? {
        guard let first = name.unicodeScalars.first else { return "a name cannot be empty" }
        guard first.isASCIILetter || first == "_" else {
            return "it must start with a letter or '_'"
        }
        if let bad = name.unicodeScalars.first(where: { !($0.isASCIILetter || $0.isASCIIDigit || $0 == "_") }) {
            return "'\(bad.escaped(asASCII: false))' cannot appear in a Swift identifier"
        }
        return nil
    }

    /// Types are UpperCamelCase: an ASCII identifier with an uppercase first letter and no underscores.
    public static func isUpperCamelCase(_ name: String) -> Bool {
        isCamelCase(name, firstLetter: UInt8(ascii: "A")...UInt8(ascii: "Z"))
    }

    /// Fields, properties and enum cases are lowerCamelCase: a lowercase first letter and no underscores.
    public static func isLowerCamelCase(_ name: String) -> Bool {
        isCamelCase(name, firstLetter: UInt8(ascii: "a")...UInt8(ascii: "z"))
    }

    /// Categories and error codes are lowercase snake_case: letters, digits and '_', starting with a letter.
    public static func isSnakeCase(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0.isASCIIDigit || $0 == "_" }
    }

    /// One pass over the bytes, for the common case of a good name; `problem(with:)` explains a bad one.
    private static func isCamelCase(_ name: String, firstLetter: ClosedRange<UInt8>) -> Bool {
        var utf8 = name.utf8.makeIterator()
        guard let first = utf8.next(), firstLetter.contains(first) else { return false }
        while let byte = utf8.next() {
            let isAlphanumeric = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard isAlphanumeric else { return false }
        }
        return true
    }

    /// `user_id` → `userId`, `ActiveOnly` → `activeOnly`: the spelling a "did you mean" offers for a field.
    public static func lowerCamelCased(_ name: String) -> String {
        let words = name.split(separator: "_", omittingEmptySubsequences: true)
        guard let first = words.first else { return name }
        let head = first.prefix(1).lowercased() + first.dropFirst()
        return head + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `register_user` → `RegisterUser`: the spelling a "did you mean" offers for a type.
    public static func upperCamelCased(_ name: String) -> String {
        name.split(separator: "_", omittingEmptySubsequences: true)
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// `accountID` → `account_id`, `UserRegistration` → `user_registration`: a word starts at a capital after a
    /// lowercase letter or a digit.
    public static func snakeCased(_ name: String) -> String {
        var snake = "", previous: Character?
        for character in name {
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { snake.append("_") }
            snake += character.lowercased()
            previous = character
        }
        return snake
    }

    /// Words that cannot name a declared type, even in backticks, or that would make every use of it ambiguous.
    public static let reservedTypeNames: Set<String> = keywords.union(["Self", "Any", "Type", "Protocol", "AnyObject"])

    /// Swift's keywords. A field may be named with one (generated code escapes it in backticks); a type may not.
    public static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "package", "private",
        "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
        "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil",
        "self", "Self", "super", "throws", "true", "try",
    ]
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
