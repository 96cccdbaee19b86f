import Testing

@testable import CQRSGenCore

@Suite("Type expressions: parsed by a small grammar, never pasted")
struct TypeExpressionParserTests {
    @Test("names, generic uses, optionals, arrays and dictionaries nest freely, with spaces between tokens", arguments: [
        ("UUID", TypeExpression.named("UUID")),
        ("String?", .optional(.named("String"))),
        ("Int??", .optional(.optional(.named("Int")))),
        ("[Int]", .array(.named("Int"))),
        ("[ Int ]?", .optional(.array(.named("Int")))),
        ("[String: [AccountResult?]]", .dictionary(key: .named("String"), value: .array(.optional(.named("AccountResult"))))),
        ("[String:Int]", .dictionary(key: .named("String"), value: .named("Int"))),
        ("  Date  ", .named("Date")),
        ("_Private9", .named("_Private9")),
        ("Page<TodoItem>", .generic("Page", [.named("TodoItem")])),
        ("Pair< Int , [Page<UUID>?] >?", .optional(.generic("Pair", [.named("Int"), .array(.optional(.generic("Page", [.named("UUID")])))]))),
    ])
    func parses(text: String, expected: TypeExpression) throws {
        #expect(try TypeExpressionParser.parse(text).get() == expected)
    }

    @Test("the canonical spelling round-trips")
    func canonicalSpelling() throws {
        let expression = try TypeExpressionParser.parse("[ String :[ Int ]? ]?").get()
        #expect(expression.description == "[String: [Int]?]?")
        #expect(try TypeExpressionParser.parse(expression.description).get() == expression)
        #expect(expression.referencedNames == ["String", "Int"])
        let generic = try TypeExpressionParser.parse("Pair<Int,[Page<UUID>]>").get()
        #expect(generic.description == "Pair<Int, [Page<UUID>]>")
        #expect(generic.referencedNames == ["Pair", "Int", "Page", "UUID"])
    }

    @Test("anything else is refused with the offset of the problem", arguments: [
        ("", 0, "expected a type"),
        ("Foo.Bar", 3, "unexpected '.' after the type 'Foo'"),
        ("Page<Int", 8, "expected '>' to close '<' after 'Page'"),
        ("Page<>", 5, "expected a type name, found '>'"),
        ("Page<Int,>", 9, "expected a type name, found '>'"),
        ("[Int", 4, "expected ']' to close '['"),
        ("[Int: ]", 6, "expected a type name, found ']'"),
        ("?", 0, "expected a type name, found '?'"),
        ("Int; import Foundation", 3, "unexpected ';' after the type 'Int'"),
        ("Int /* */", 4, "unexpected '/' after the type 'Int'"),
        ("(Int, Int)", 0, "expected a type name, found '('"),
        ("some P", 5, "unexpected 'P' after the type 'some'"),
        ("Ünïcode", 0, "expected a type name, found 'Ü'"),
    ])
    func refuses(text: String, offset: Int, message: String) {
        #expect(TypeExpressionParser.parse(text) == .failure(.init(offset: offset, message: message)))
    }

    @Test("nesting is bounded, so no input can exhaust the stack")
    func nestingIsBounded() {
        let deep = String(repeating: "[", count: 10_000) + "Int" + String(repeating: "]", count: 10_000)
        #expect(TypeExpressionParser.parse(deep) == .failure(.init(offset: 32, message: "the type is nested more than 32 levels deep")))
    }
}
