import Testing

@testable import CQRSGenCore

@Suite("Reader: libyaml events into a located node tree")
struct YAMLReaderTests {
    @Test("every node keeps the 1-based line and column where it starts")
    func nodesKeepTheirPositions() throws {
        let text = MarkedText("1️⃣version: 2️⃣1\n3️⃣list:\n  - 4️⃣a\n  - 5️⃣{6️⃣k: 7️⃣'v'}\n")
        let result = YAMLReader().read(text.text)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.location == text.location("1️⃣"))
        let entries = try #require(root.mapping)
        #expect(entries.map(\.key.value) == ["version", "list"])
        #expect(entries[0].key.location == text.location("1️⃣"))
        #expect(entries[0].value.location == text.location("2️⃣"))
        #expect(entries[1].key.location == text.location("3️⃣"))
        let items = try #require(entries[1].value.sequence)
        #expect(items[0].location == text.location("4️⃣"))
        #expect(items[1].location == text.location("5️⃣"))
        let inner = try #require(items[1].mapping)
        #expect(inner[0].key.location == text.location("6️⃣"))
        #expect(inner[0].value.location == text.location("7️⃣"))
        #expect(inner[0].value.scalar?.style == .singleQuoted)
    }

    @Test("scalars keep their text and style; libyaml resolves no types")
    func scalarsKeepTextAndStyle() throws {
        let result = YAMLReader().read("a: 50\nb: \"50\"\nc: yes\nd: |\n  line\ne: ~\nf:\n")
        let entries = try #require(result.root?.mapping)
        let scalars = entries.compactMap(\.value.scalar)
        #expect(scalars.map(\.value) == ["50", "50", "yes", "line\n", "~", ""])
        #expect(scalars.map(\.style) == [.plain, .doubleQuoted, .plain, .literal, .plain, .plain])
        #expect(scalars.map(\.isNull) == [false, false, false, false, true, true])
    }

    @Test("malformed YAML is reported with libyaml's problem, and its context as a note")
    func malformedYAML() {
        expectDiagnostics("version: 1\ncommands: 2️⃣[1, 2\nqueries1️⃣: 3\n", rules: [], [
            .error("1️⃣", "malformed YAML: did not find expected ',' or ']'", notes: [("2️⃣", "while parsing a flow sequence")])
        ])
        expectDiagnostics("version: 1\nx: 2️⃣\"unterminated\n1️⃣", rules: [], [
            .error("1️⃣", "malformed YAML: found unexpected end of stream", notes: [("2️⃣", "while scanning a quoted scalar")])
        ])
        expectDiagnostics("version: 1\n  bad1️⃣: indent\n", rules: [], [
            .error("1️⃣", "malformed YAML: mapping values are not allowed in this context")
        ])
    }

    @Test("duplicate keys are rejected, pointing at both, in every mapping")
    func duplicateKeys() {
        expectDiagnostics(
            """
            version: 1
            categories:
              1️⃣auth: A
              2️⃣auth: B
            3️⃣commands:
              X: {4️⃣category: auth, 5️⃣category: auth}
            6️⃣commands: {}
            """, rules: [],
            [
                .error("2️⃣", "duplicate key 'auth'", notes: [("1️⃣", "'auth' is first defined here")]),
                .error("5️⃣", "duplicate key 'category'", notes: [("4️⃣", "'category' is first defined here")]),
                .error("6️⃣", "duplicate key 'commands'", notes: [("3️⃣", "'commands' is first defined here")]),
            ])
    }

    @Test("duplicate keys are found in mappings too large for a linear scan")
    func duplicateKeysInLargeMappings() throws {
        let keys = (0..<40).map { "  key\($0): \($0)" }.joined(separator: "\n")
        let yaml = "version: 1\ncategories:\n\(keys)\n  key7: again\n  key39: again\n"
        let diagnostics = YAMLReader().read(yaml).diagnostics
        #expect(diagnostics.map { "\($0.location) \($0.message) \($0.notes.map(\.location))" } == [
            "43:3 duplicate key 'key7' [10:3]",
            "44:3 duplicate key 'key39' [42:3]",
        ])
    }

    @Test("tabs in indentation are rejected on every line they appear, in plain words")
    func tabsInIndentation() {
        expectDiagnostics("version: 1\ncategories:\n1️⃣\tauth: A\n  2️⃣\tsession: B\n", rules: [], [
            .error("1️⃣", "tabs are not allowed in indentation; indent with spaces"),
            .error("2️⃣", "tabs are not allowed in indentation; indent with spaces"),
        ])
    }

    @Test("a tab inside a block scalar or after a key is content, not indentation")
    func tabsThatAreNotIndentation() throws {
        let result = YAMLReader().read("a: |\n  line one\n  \tindented line\nb:\tvalue\n# \tcomment\n")
        #expect(result.diagnostics.isEmpty)
        let entries = try #require(result.root?.mapping)
        #expect(entries[0].value.scalar?.value == "line one\n\tindented line\n")
        #expect(entries[1].value.scalar?.value == "value")
    }

    @Test("a second document is rejected, with the first as a note")
    func secondDocument() {
        expectDiagnostics("2️⃣version: 1\n1️⃣---\nversion: 1\n", rules: [], [
            .error("1️⃣", "the spec must be a single YAML document; a second one starts here", notes: [("2️⃣", "the first document starts here")])
        ])
        expectDiagnostics("2️⃣---\nversion: 1\n...\n1️⃣---\n", rules: [], [
            .error("1️⃣", "the spec must be a single YAML document; a second one starts here", notes: [("2️⃣", "the first document starts here")])
        ])
    }

    @Test("mapping keys must be scalars")
    func nonScalarKeys() {
        expectDiagnostics("version: 1\n? 1️⃣[a, b]\n: c\n? 2️⃣{k: v}\n: d\n", rules: [], [
            .error("1️⃣", "mapping keys must be scalars, not a list"),
            .error("2️⃣", "mapping keys must be scalars, not a mapping"),
        ])
    }

    @Test("aliases are rejected, pointing at their anchor, and never expanded")
    func aliases() {
        expectDiagnostics("version: 1\nx: 2️⃣&base {a: 1}\ny: 1️⃣*base\nz: 3️⃣*unknown\n", rules: [], [
            .error("1️⃣", "aliases ('*base') are not supported in the spec; write the value out in full", notes: [("2️⃣", "anchor '&base' is defined here")]),
            .error("3️⃣", "aliases ('*unknown') are not supported in the spec; write the value out in full"),
        ])
    }

    @Test("an alias bomb costs one diagnostic per alias, not an exponential expansion")
    func aliasBomb() {
        var lines = ["version: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        let yaml = lines.joined(separator: "\n")
        #expect(YAMLReader().read(yaml).diagnostics.count == 90)
        let outcome = SpecLoader().load(yaml)
        #expect(outcome.spec == nil, "a spec with aliases is refused before decoding")
        #expect(outcome.diagnostics.count == 90)
    }

    @Test("YAML tags are rejected")
    func tags() {
        expectDiagnostics("version: 1️⃣!!int 1\nx: 2️⃣!custom {a: 1}\n", rules: [], [
            .error("1️⃣", "YAML tags ('!!int') are not supported in the spec; the key decides a value's type"),
            .error("2️⃣", "YAML tags ('!custom') are not supported in the spec; the key decides a value's type"),
        ])
    }

    @Test("invalid UTF-8 is located by line and column, counting characters before it")
    func invalidUTF8() {
        let bytes = Array("version: 1\ncategories:\n  café: caf".utf8) + [0xFF] + Array("\n".utf8)
        let diagnostics = YAMLReader().read(bytes).diagnostics
        #expect(diagnostics.map { "\($0.location): \($0.message)" } == [
            "3:12: the spec is not valid UTF-8: invalid leading UTF-8 octet (byte 0xFF)"
        ])
        let truncated = Array("version: 1\nx: ab".utf8) + [0xC3]
        #expect(YAMLReader().read(truncated).diagnostics.map { "\($0.location): \($0.message)" } == [
            "2:6: the spec is not valid UTF-8: incomplete UTF-8 octet sequence"
        ])
    }

    @Test("control characters are rejected where they are")
    func controlCharacters() {
        let bytes = Array("version: 1\nx: \"a".utf8) + [0x01] + Array("b\"\n".utf8)
        #expect(YAMLReader().read(bytes).diagnostics.map { "\($0.location): \($0.message)" } == [
            "2:6: control characters are not allowed (U+0001)"
        ])
        let nul = Array("version: 1\n".utf8) + [0x00]
        #expect(YAMLReader().read(nul).diagnostics.map { "\($0.location): \($0.message)" } == [
            "2:1: control characters are not allowed (U+0000)"
        ])
    }

    @Test("an empty file, a file of comments and a lone byte-order mark are each 'empty'", arguments: [
        [UInt8](), Array("# nothing here\n\n   \n".utf8), [0xEF, 0xBB, 0xBF], Array("\n".utf8),
    ])
    func emptySpecs(bytes: [UInt8]) {
        #expect(YAMLReader().read(bytes).diagnostics == [
            .error("the spec is empty; it must be a mapping that starts with 'version: 1'", at: .startOfFile)
        ])
    }

    @Test("a byte-order mark is accepted and does not shift columns")
    func byteOrderMark() throws {
        let result = YAMLReader().read([0xEF, 0xBB, 0xBF] + Array("version: 1\nkey: value\n".utf8))
        #expect(result.diagnostics.isEmpty)
        let entries = try #require(result.root?.mapping)
        #expect(entries.map(\.key.location) == [SourceLocation(line: 1, column: 1), SourceLocation(line: 2, column: 1)])
        #expect(entries[1].value.location == SourceLocation(line: 2, column: 6))
    }

    @Test("CRLF line ends are accepted and count as one line break")
    func crlfLineEnds() throws {
        let result = YAMLReader().read("version: 1\r\nlist:\r\n  - a\r\n  - b\r\n")
        #expect(result.diagnostics.isEmpty)
        let items = try #require(result.root?.mapping?[1].value.sequence)
        #expect(items.map(\.location) == [SourceLocation(line: 3, column: 5), SourceLocation(line: 4, column: 5)])
        #expect(items.compactMap(\.scalar?.value) == ["a", "b"])
        let bad = Array("a: 1\r\nb: caf".utf8) + [0xFF]
        #expect(YAMLReader().read(bad).diagnostics.map(\.location) == [SourceLocation(line: 2, column: 7)])
    }

    @Test("columns count characters, not bytes, after non-ASCII text")
    func unicodeColumns() throws {
        let text = MarkedText("café: 1️⃣x\nnaïve: [1, 2\n2️⃣")
        let result = YAMLReader().read(text.text)
        #expect(result.diagnostics.map(\.location) == [text.location("2️⃣")])
        let ok = YAMLReader().read("café: x\n")
        #expect(ok.root?.mapping?[0].value.location == text.location("1️⃣"))
    }

    @Test("nesting deeper than the limit is rejected before it is built")
    func depthLimit() {
        let deep = "version: 1\nx: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let diagnostics = YAMLReader().read(deep).diagnostics
        #expect(diagnostics.map { "\($0.location): \($0.message)" } == [
            "2:67: mappings and lists are nested more than 64 levels deep, the reader's limit"
        ])
        let shallow = YAMLReader(limits: ReaderLimits(maximumDepth: 3)).read("a: {b: {c: 1}}\n")
        #expect(shallow.diagnostics.isEmpty)
        let tooDeep = YAMLReader(limits: ReaderLimits(maximumDepth: 3)).read("a: {b: {c: [1]}}\n")
        #expect(tooDeep.diagnostics.map { "\($0.location): \($0.message)" } == [
            "1:12: mappings and lists are nested more than 3 levels deep, the reader's limit"
        ])
        #expect(tooDeep.root == nil, "nothing half-built is returned")
    }

    @Test("more nodes than the limit are rejected")
    func nodeLimit() {
        let reader = YAMLReader(limits: ReaderLimits(maximumNodes: 5))
        #expect(reader.read("a: 1\nb: 2\n").diagnostics.isEmpty)
        #expect(reader.read("a: 1\nb: 2\nc: 3\n").diagnostics.map { "\($0.location): \($0.message)" } == [
            "3:1: the spec has more than 5 nodes, the reader's limit"
        ])
    }

    @Test("a file over the size limit is rejected without parsing")
    func sizeLimit() {
        let reader = YAMLReader(limits: ReaderLimits(maximumBytes: 16))
        #expect(reader.read("version: 1\n").diagnostics.isEmpty)
        #expect(reader.read("version: 1\ncategories: {}\n").diagnostics.map(\.message) == [
            "the spec is 26 bytes, over the reader's limit of 16 bytes"
        ])
    }
}
