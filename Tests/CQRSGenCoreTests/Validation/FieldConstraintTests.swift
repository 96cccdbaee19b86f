import CQRS
import Testing

@testable import CQRSGenCore

/// Field constraints: decoded beside the field's type, and checked against it and each other, each problem at its
/// own position.
@Suite("Field constraints in the spec")
struct FieldConstraintTests {
    @Test("constraints decode beside the type")
    func decodes() throws {
        let outcome = SpecLoader().load("""
            version: 1
            categories: {items: Items.}
            commands:
              TagItem:
                category: items
                description: X.
                fields:
                  email: {type: String, format: email, minLength: 5, maxLength: 255}
                  code: {type: String?, pattern: "[0-9a-f]+", message: "Hexadecimal, please."}
                  amount: {type: Decimal, minimum: 0.01, maximum: 1000}
                  tags: {type: "[String]", minItems: 1, maxItems: 10}
            """)
        #expect(DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics) == "")
        let fields = try #require(outcome.validSpec).commands[0].fields
        #expect(fields[0].constraints.format?.value == .email)
        #expect(fields[0].constraints.minLength?.value == 5)
        #expect(fields[0].constraints.maxLength?.value == 255)
        #expect(fields[1].constraints.pattern?.value == "[0-9a-f]+")
        #expect(fields[1].constraints.message?.value == "Hexadecimal, please.")
        #expect(fields[2].constraints.minimum?.value == "0.01")
        #expect(fields[3].constraints.minItems?.value == 1)
    }

    @Test("each constraint fits its field's type, bounds are ordered, a pattern compiles, types' fields take none")
    func problems() {
        expectDiagnostics("""
            version: 1
            categories: {items: Items.}
            types:
              Item: {fields: {name: {type: String, minLength: 1️⃣1}}}
            commands:
              TagItem:
                category: items
                description: X.
                result: Item
                fields:
                  count: {type: Int, minLength: 2️⃣3, minimum: 3️⃣0.5}
                  name: {type: String, minLength: 4️⃣10, maxLength: 🅰️5, pattern: 5️⃣"[a-"}
                  tags: {type: "[String]", format: 6️⃣email, minItems: 7️⃣-1}
                  note: {type: String?, message: 8️⃣Why not.}
                  level: {type: Int, minimum: 9️⃣ten}
            """, [
            .error("1️⃣", "field 'name' of type 'Item' has constraints, which only the fields of commands and queries take: they are checked before the handler runs"),
            .error("2️⃣", "'minLength' of field 'count' of command 'TagItem' applies to text ('String'), not 'Int'"),
            .error("3️⃣", "'minimum' of field 'count' of command 'TagItem' must be a whole number, as 'Int' is, not '0.5'"),
            .error("4️⃣", "'minLength' of field 'name' of command 'TagItem' is 10, more than its 'maxLength', 5: no value could pass", notes: [("🅰️", "'maxLength' is here")]),
            .error("5️⃣", "'pattern' of field 'name' of command 'TagItem' is not a regular expression: expected ']'"),
            .error("6️⃣", "'format' of field 'tags' of command 'TagItem' applies to text ('String'), not '[String]'"),
            .error("7️⃣", "'minItems' of field 'tags' of command 'TagItem' must be 0 or more, not -1"),
            .error("8️⃣", "field 'note' of command 'TagItem' has a 'message' but no constraint for it to explain"),
            .error("9️⃣", "'minimum' of field 'level' of command 'TagItem' must be a number, not 'ten'"),
        ])
    }
}
