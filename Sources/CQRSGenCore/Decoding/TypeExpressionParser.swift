/// Parses the spec's type syntax: `Name`, `Name<T, U>`, `T?`, `[T]`, `[K: V]`, nested freely, with spaces allowed
/// between tokens.
///
///     type    := primary "?"*
///     primary := identifier ("<" type ("," type)* ">")? | "[" type "]" | "[" type ":" type "]"
struct TypeExpressionParser {
    struct Failure: Error, Equatable {
        /// Offset in Unicode scalars from the start of the text.
        var offset: Int
        var message: String
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0

    /// Nesting beyond this is certainly a mistake, and bounding it bounds the recursion.
    static let maximumNesting = 32

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func parse(_ text: String) -> Result<TypeExpression, Failure> {
        // Most types are a bare name (`String`, `AccountResult`), optionally `?`: read those without the scalar array.
        if let expression = plainName(text) { return .success(expression) }
        var parser = TypeExpressionParser(text)
        do {
            parser.skipSpaces()
            guard parser.position < parser.scalars.count else {
                throw Failure(offset: 0, message: "expected a type")
            }
            let expression = try parser.parseType(depth: 0)
            parser.skipSpaces()
            if parser.position < parser.scalars.count {
                throw Failure(
                    offset: parser.position,
                    message: "unexpected '\(parser.scalars[parser.position])' after the type '\(expression)'")
            }
            return .success(expression)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(offset: 0, message: "\(error)"))
        }
    }

    /// `Name` or `Name?`, in ASCII letters, digits and `_`, not starting with a digit; nil for anything else, which
    /// the full grammar reads (and reports on).
    private static func plainName(_ text: String) -> TypeExpression? {
        let utf8 = text.utf8
        guard let first = utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
        var length = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                length += 1
            case UInt8(ascii: "?") where length == utf8.count - 1 && length > 0:
                return .optional(.named(String(text.dropLast())))
            default:
                return nil
            }
        }
        return .named(text)
    }

    private mutating func parseType(depth: Int) throws -> TypeExpression {
        guard depth < Self.maximumNesting else {
            throw Failure(offset: position, message: "the type is nested more than \(Self.maximumNesting) levels deep")
        }
        var type = try parsePrimary(depth: depth)
        skipSpaces()
        while position < scalars.count, scalars[position] == "?" {
            type = .optional(type)
            position += 1
            skipSpaces()
        }
        return type
    }

    private mutating func parsePrimary(depth: Int) throws -> TypeExpression {
        skipSpaces()
        guard position < scalars.count else {
            throw Failure(offset: position, message: "expected a type at the end of the text")
        }
        if scalars[position] == "[" {
            position += 1
            let first = try parseType(depth: depth + 1)
            skipSpaces()
            if position < scalars.count, scalars[position] == ":" {
                position += 1
                let value = try parseType(depth: depth + 1)
                try expectClosingBracket()
                return .dictionary(key: first, value: value)
            }
            try expectClosingBracket()
            return .array(first)
        }
        let start = position
        while position < scalars.count, scalars[position].isASCIILetter || scalars[position].isASCIIDigit || scalars[position] == "_" {
            position += 1
        }
        guard position > start else {
            throw Failure(offset: position, message: "expected a type name, found '\(scalars[position])'")
        }
        let name = String(String.UnicodeScalarView(scalars[start..<position]))
        if let first = name.unicodeScalars.first, first.isASCIIDigit {
            throw Failure(offset: start, message: "a type name cannot start with a digit")
        }
        skipSpaces()
        guard position < scalars.count, scalars[position] == "<" else { return .named(name) }
        position += 1
        var arguments = [try parseType(depth: depth + 1)]
        skipSpaces()
        while position < scalars.count, scalars[position] == "," {
            position += 1
            arguments.append(try parseType(depth: depth + 1))
            skipSpaces()
        }
        guard position < scalars.count, scalars[position] == ">" else {
            throw Failure(offset: position, message: "expected '>' to close '<' after '\(name)'")
        }
        position += 1
        return .generic(name, arguments)
    }

    private mutating func expectClosingBracket() throws {
        skipSpaces()
        guard position < scalars.count, scalars[position] == "]" else {
            throw Failure(offset: position, message: "expected ']' to close '['")
        }
        position += 1
    }

    private mutating func skipSpaces() {
        while position < scalars.count, scalars[position] == " " {
            position += 1
        }
    }
}
