import Testing

@testable import CQRSGenCore

@Suite("DefaultValueRule: a default must be a value of its field's type")
struct DefaultValueRuleTests {
    @Test("defaults that fit their types pass")
    func fittingDefaults() {
        expectDiagnostics(
            """
            version: 1
            types:
              Kind: {cases: {plain: , fancy: }}
              Box:
                fields:
                  a: {type: String, default: logout}
                  b: {type: String, default: "quoted: yes"}
                  c: {type: Int, default: -50}
                  d: {type: Int8, default: 127}
                  e: {type: UInt16, default: 65535}
                  f: {type: Double, default: 1.5e3}
                  g: {type: Decimal, default: 0.25}
                  h: {type: Bool, default: false}
                  i: {type: String?, default: null}
                  j: {type: Int?, default: ~}
                  k: {type: "[String]", default: []}
                  l: {type: "[Int]", default: [1, 2, 3]}
                  m: {type: "[String: Int]", default: {a: 1}}
                  n: {type: UUID, default: 123e4567-e89b-12d3-a456-426614174000}
                  o: {type: Date, default: "2024-01-31T12:00:00.5+01:00"}
                  p: {type: URL, default: "https://example.com/a?b=c"}
                  q: {type: Data, default: aGVsbG8=}
                  r: {type: Kind, default: fancy}
                  s: {type: Kind?, default: plain}
                  t: {type: Character, default: x}
                  u: {type: "[Kind]", default: [plain, fancy]}
            """, rules: [DefaultValueRule()], [])
    }

    @Test("defaults that do not fit are reported at the offending value")
    func misfits() {
        expectDiagnostics(
            """
            version: 1
            types:
              Kind: {cases: {plain: , fancy: }}
              Inner: {fields: {a: Int}}
              Box:
                fields:
                  a: {type: Int, default: 1️⃣abc}
                  b: {type: Int, default: 2️⃣"50"}
                  c: {type: Int8, default: 3️⃣128}
                  d: {type: UInt, default: 4️⃣-1}
                  e: {type: Bool, default: 5️⃣yes}
                  f: {type: String, default: 6️⃣null}
                  g: {type: "[Int]", default: [1, 7️⃣two]}
                  h: {type: "[String: Int]", default: 8️⃣[a]}
                  i: {type: Kind, default: 9️⃣fancey}
            """, rules: [DefaultValueRule()],
            [
                .error("1️⃣", "default value of field 'a' of type 'Box' does not fit its type 'Int': 'abc' is not a whole number"),
                .error("2️⃣", "default value of field 'b' of type 'Box' does not fit its type 'Int': '50' is not a whole number"),
                .error("3️⃣", "default value of field 'c' of type 'Box' does not fit its type 'Int8': 128 is out of range for Int8 (-128...127)"),
                .error("4️⃣", "default value of field 'd' of type 'Box' does not fit its type 'UInt': '-1' is not a non-negative whole number"),
                .error("5️⃣", "default value of field 'e' of type 'Box' does not fit its type 'Bool': 'yes' is not true or false"),
                .error("6️⃣", "default value of field 'f' of type 'Box' does not fit its type 'String': null is not a 'String'; make the type optional ('String?') to default to nil"),
                .error("7️⃣", "default value of field 'g' of type 'Box' does not fit its type '[Int]': 'two' is not a whole number"),
                .error("8️⃣", "default value of field 'h' of type 'Box' does not fit its type '[String: Int]': expected a mapping, like {} or {a: b}, not a list"),
                .error("9️⃣", "default value of field 'i' of type 'Box' does not fit its type 'Kind': 'fancey' is not a case of 'Kind'; did you mean 'fancy'?"),
            ])
    }

    @Test("foundation types and declared structs get their own explanations")
    func foundationAndStructs() {
        expectDiagnostics(
            """
            version: 1
            types:
              Inner: {fields: {a: Int}}
              Box:
                fields:
                  a: {type: UUID, default: 1️⃣not-a-uuid}
                  b: {type: Date, default: 2️⃣2024-01-31}
                  c: {type: URL, default: 3️⃣"not a url"}
                  d: {type: Data, default: 4️⃣"abc"}
                  e: {type: Double, default: 5️⃣.nan}
                  f: {type: Inner, default: 6️⃣{a: 1}}
                  g: {type: Character, default: 7️⃣xy}
                  h: {type: "[Int]", default: 8️⃣3}
            """, rules: [DefaultValueRule()],
            [
                .error("1️⃣", "default value of field 'a' of type 'Box' does not fit its type 'UUID': 'not-a-uuid' is not a UUID (8-4-4-4-12 hexadecimal digits)"),
                .error("2️⃣", "default value of field 'b' of type 'Box' does not fit its type 'Date': '2024-01-31' is not an ISO 8601 date and time, like 2024-01-31T12:00:00Z"),
                .error("3️⃣", "default value of field 'c' of type 'Box' does not fit its type 'URL': 'not a url' is not an absolute URL"),
                .error("4️⃣", "default value of field 'd' of type 'Box' does not fit its type 'Data': 'abc' is not base64-encoded data"),
                .error("5️⃣", "default value of field 'e' of type 'Box' does not fit its type 'Double': '.nan' is not a decimal number"),
                .error("6️⃣", "default value of field 'f' of type 'Box' does not fit its type 'Inner': a struct type cannot have a default in the spec; make the field optional or leave out the default"),
                .error("7️⃣", "default value of field 'g' of type 'Box' does not fit its type 'Character': 'xy' is not a single character"),
                .error("8️⃣", "default value of field 'h' of type 'Box' does not fit its type '[Int]': expected a list, like [] or [a, b], not a scalar"),
            ])
    }

    @Test("decimal literals are recognised exactly", arguments: [
        ("0", true), ("-12", true), ("+3.25", true), ("1e10", true), ("2.5E-3", true), ("0.5", true),
        (".5", false), ("5.", false), ("", false), (".", false), ("e5", false), ("1e", false), ("0x10", false),
        ("1_000", false), ("inf", false), ("1.2.3", false), ("- 1", false),
    ])
    func decimalLiterals(text: String, valid: Bool) {
        #expect(LiteralCheck.isDecimalNumber(text) == valid)
    }
}
