import Testing

@testable import CQRSGenCore

/// Every position lies inside the file and points at what it names, in Unicode scalars, whatever the scalar's style,
/// the line breaks the text holds, or the encoding it is in.
@Suite("Positions")
struct PositionTests {
    @Test("an error inside a type on one line points at its character; in a multi-line or escaped scalar, at its start")
    func typeErrorColumns() {
        expectDiagnostics("""
            version: 1
            types:
              Token:
                fields:
                  a: Page<1️⃣>
                  b: "Page<2️⃣>"
                  c: 3️⃣Page<
                    Int
                  d: 4️⃣"Page\\u003C>"
                  e: 5️⃣'it''s<>'
            """, rules: [], [
                .error("1️⃣", "invalid type 'Page<>' for field 'a' of type 'Token': expected a type name, found '>'"),
                .error("2️⃣", "invalid type 'Page<>' for field 'b' of type 'Token': expected a type name, found '>'"),
                .error("3️⃣", "invalid type 'Page< Int' for field 'c' of type 'Token': expected '>' to close '<' after 'Page'"),
                .error("4️⃣", "invalid type 'Page<>' for field 'd' of type 'Token': expected a type name, found '>'"),
                .error("5️⃣", "invalid type 'it's<>' for field 'e' of type 'Token': unexpected ''' after the type 'it'"),
            ])
    }

    @Test("U+0085, U+2028 and U+2029 do not end lines: positions after them are where an editor shows them",
          arguments: ["\u{85}", "\u{2028}", "\u{2029}"])
    func yaml11LineBreaks(separator: String) throws {
        let text = MarkedText("version: 1\nnote: \"a\(separator)b\"\n1️⃣key: 2️⃣value\nlist: [1, 2\n3️⃣")
        let result = YAMLReader().read(text.text)
        #expect(result.diagnostics.map(\.location) == [text.location("3️⃣")])
        let ok = YAMLReader().read(String(text.text.dropLast("list: [1, 2\n".count)))
        let entry = try #require(ok.root?.mapping?[2])
        #expect(entry.key.location == text.location("1️⃣"))
        #expect(entry.value.location == text.location("2️⃣"))
    }

    @Test("a UTF-16 spec, either byte order, reads as its UTF-8 twin, with the same positions")
    func utf16() throws {
        let text = "version: 1\ncategories:\n  café: Caf\u{E9}s \u{1F600}\nx: [1\n"
        let utf8 = YAMLReader().read(text)
        for bigEndian in [false, true] {
            let result = YAMLReader().read(Self.utf16(text, bigEndian: bigEndian))
            #expect(result.diagnostics == utf8.diagnostics)
            #expect(result.diagnostics.map(\.location) == [SourceLocation(line: 5, column: 1)])
        }
        let valid = "version: 1\nname: 😀 x\n"
        let read = YAMLReader().read(Self.utf16(valid, bigEndian: false))
        #expect(read.diagnostics.isEmpty)
        #expect(read.root?.mapping?[1].value.scalar?.value == "😀 x")
    }

    @Test("a lone surrogate in UTF-16 is reported at its character, not at a doubled byte column")
    func loneSurrogate() {
        var units = Array("version: 1\nkey: ab".utf16)
        units.append(0xD800)
        units += Array("c\n".utf16)
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(YAMLReader().read(bytes).diagnostics.map { "\($0.location): \($0.message)" } == [
            "2:8: the spec is not valid UTF-16: a lone surrogate (U+D800)"
        ])
        let odd: [UInt8] = [0xFE, 0xFF, 0x00, 0x61, 0x00]
        #expect(YAMLReader().read(odd).diagnostics.map { "\($0.location): \($0.message)" } == [
            "1:2: the spec is not valid UTF-16: it ends in the middle of a character"
        ])
        // The fuzzer's finding: UTF-16 whose raw bytes hold line feeds (0x0A63 is one character, not a line break).
        // The error stands after the ten characters read, on the one line the reader counted, and the lines that
        // check positions are counted the same way.
        let finding: [UInt8] = [0xFE, 0xFF, 0xFF, 0xBF] + Array("ion: 1\ncategories:\n".utf8)
        let diagnostics = YAMLReader().read(finding).diagnostics
        #expect(diagnostics.map { "\($0.location): \($0.message)" } == [
            "1:11: the spec is not valid UTF-16: it ends in the middle of a character"
        ])
        #expect(SpecLines.lengths(of: finding) == [10])
        #expect(diagnostics.allSatisfy { SpecLines.contains($0.location, lengths: SpecLines.lengths(of: finding)) })
        // The next finding: a second byte-order mark after the first is a mark too, for the reader and the line counts.
        let doubled: [UInt8] = [0xFE, 0xFF, 0xFE, 0xFF, 0x00, 0x61, 0x00]
        #expect(YAMLReader().read(doubled).diagnostics.map { "\($0.location): \($0.message)" } == [
            "1:2: the spec is not valid UTF-16: it ends in the middle of a character"
        ])
        #expect(SpecLines.lengths(of: doubled) == [1])
        #expect(YAMLReader().read([0xFE, 0xFF, 0xFE, 0xFF] + Array("a: 1\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
            .diagnostics.isEmpty)
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + text.utf16.flatMap { unit -> [UInt8] in
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            return bigEndian ? [high, low] : [low, high]
        }
    }
}
