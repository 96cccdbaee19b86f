import CQRS
import Testing

/// What every constrained operation's generated `fieldViolations()` relies on: each check, every violation kept.
@Suite("Field validator")
struct FieldValidatorTests {
    @Test("every broken constraint is named, with its reason or the spec's message; nil values and kept ones pass")
    func violations() {
        var validator = FieldValidator()
        validator.length("abc", of: "name", minimum: 5, maximum: 10, message: nil)
        validator.length(nil, of: "nickname", minimum: 5, maximum: nil, message: nil)
        validator.length("abcdef", of: "code", minimum: nil, maximum: 3, message: nil)
        validator.format("ada.example.com", of: "email", .email, message: nil)
        validator.format("ada@example.com", of: "backup", .email, message: nil)
        validator.pattern("xyz", of: "token", FieldValidator.Pattern("[0-9a-f]+"), message: "Hexadecimal, please")
        validator.range(0, of: "limit", minimum: 1, maximum: 200, message: nil)
        validator.count([String](), of: "tags", minimum: 1, maximum: nil, message: nil)
        #expect(validator.violations == [
            .init(field: "name", reason: "must be 5 to 10 characters"),
            .init(field: "code", reason: "must be at most 3 characters"),
            .init(field: "email", reason: "must be an email address"),
            .init(field: "token", reason: "Hexadecimal, please"),
            .init(field: "limit", reason: "must be between 1 and 200"),
            .init(field: "tags", reason: "must not be empty"),
        ])
        let failure = validator.finish()
        #expect(failure?.code == OperationError.invalidFieldsCode)
        #expect(failure?.violations.count == 6)
        #expect(failure?.message.hasPrefix("'name' must be 5 to 10 characters; 'code' must be at most 3 characters;") == true)
        #expect(FieldValidator().finish() == nil)
    }

    @Test("formats: what each accepts and refuses")
    func formats() {
        let cases: [(FieldValidator.Format, String, Bool)] = [
            (.email, "a@b.co", true), (.email, "a@b", false), (.email, "a b@c.d", false), (.email, "@b.co", false),
            (.uuid, "123E4567-E89B-12D3-A456-426614174000", true), (.uuid, "123", false),
            (.date, "2024-02-29", true), (.date, "2023-02-29", false), (.date, "2024-13-01", false), (.date, "24-01-01", false),
            (.dateTime, "2026-12-05T10:00:00Z", true), (.dateTime, "2026-12-05", false),
            (.uri, "https://example.com/x", true), (.uri, "example", false),
        ]
        for (format, text, matches) in cases {
            #expect(format.matches(text) == matches, "\(format) \(text)")
        }
        #expect(FieldValidator.Pattern("[a-").matches("a") == false, "a pattern that does not compile refuses")
    }
}
