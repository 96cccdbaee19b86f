/// The spec's YAML as the reader built it: every node in one flat array, every scalar's text in one byte buffer.
///
/// A spec of 10,000 operations has some 300,000 nodes. Kept as a tree of values they cost an allocation or more
/// each, to build and to free, and several times the file's size in memory; here they cost two array elements and
/// their text, about twice the file's size in all. Nodes are read through `YAMLNode`, a position in the document.
public final class YAMLDocument: Sendable {
    /// One node: what it is, where it starts, and either its text (a scalar) or its children (a collection), in
    /// 16 bytes: its kind and style share a word with its column.
    struct RawNode {
        enum Kind: UInt8 { case scalar, sequence, mapping }

        private let line: UInt32
        /// The column in the low 26 bits (columns beyond them, in a line over 64 MB, are clamped), whether a scalar
        /// is verbatim in the next, the style in the next three and the kind in the top two.
        private let columnKindAndStyle: UInt32
        /// A scalar's text in `text`, or a collection's children in `children` (a mapping's as key, value, …).
        var start: UInt32
        var count: UInt32

        private static let columnBits: UInt32 = 26
        private static let columnMask: UInt32 = (1 << columnBits) - 1
        private static let verbatimBit: UInt32 = 1 << columnBits
        private static let styleShift: UInt32 = 27

        init(
            kind: Kind, style: YAMLScalar.Style, location: SourceLocation, start: UInt32, count: UInt32,
            isVerbatim: Bool = false
        ) {
            line = UInt32(clamping: location.line)
            let column = min(UInt32(clamping: location.column), Self.columnMask)
            columnKindAndStyle = column | (isVerbatim ? Self.verbatimBit : 0) | UInt32(style.rawValue) << Self.styleShift
                | UInt32(kind.rawValue) << 30
            self.start = start
            self.count = count
        }

        var kind: Kind { Kind(rawValue: UInt8(columnKindAndStyle >> 30))! }
        var style: YAMLScalar.Style { YAMLScalar.Style(rawValue: UInt8(columnKindAndStyle >> Self.styleShift & 0b111))! }
        var isVerbatim: Bool { columnKindAndStyle & Self.verbatimBit != 0 }
        var location: SourceLocation { SourceLocation(line: Int(line), column: Int(columnKindAndStyle & Self.columnMask)) }
    }

    let nodes: [RawNode]
    let children: [UInt32]
    let text: [UInt8]
    let rootIndex: Int

    init(nodes: [RawNode], children: [UInt32], text: [UInt8], rootIndex: Int) {
        self.nodes = nodes
        self.children = children
        self.text = text
        self.rootIndex = rootIndex
    }

    /// The document's root node.
    public var root: YAMLNode { YAMLNode(document: self, index: rootIndex) }

    /// A document of one empty scalar, for the empty mapping and list views.
    static let empty = YAMLDocument(
        nodes: [RawNode(kind: .scalar, style: .plain, location: .startOfFile, start: 0, count: 0)], children: [], text: [],
        rootIndex: 0)

    func string(_ node: RawNode) -> String {
        text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(node.start)..<Int(node.start + node.count)]), as: UTF8.self)
        }
    }

    /// Whether a scalar's text is `value`, compared as bytes, without making a `String`.
    func scalar(_ node: RawNode, equals value: String) -> Bool {
        var value = value
        return value.withUTF8 { expected in
            guard expected.count == Int(node.count) else { return false }
            return text.withUnsafeBufferPointer { buffer in
                expected.elementsEqual(buffer[Int(node.start)..<Int(node.start + node.count)])
            }
        }
    }
}

extension YAMLDocument {
    /// Copies chosen nodes, each with everything under it, out of larger documents into one of their own: values
    /// kept after decoding (fields' defaults) then do not keep the whole spec's document alive, and thousands of
    /// them cost three allocations, not three each.
    struct Extract {
        private var nodes: [RawNode] = []
        private var children: [UInt32] = []
        private var text: [UInt8] = []

        /// Copies `node` and its descendants; returns its index in the new document.
        mutating func copy(_ node: YAMLNode) -> Int {
            copy(node.index, from: node.document)
        }

        // Recursion is bounded by the reader's depth limit.
        private mutating func copy(_ index: Int, from document: YAMLDocument) -> Int {
            var raw = document.nodes[index]
            let range = Int(raw.start)..<Int(raw.start + raw.count)
            if raw.kind == .scalar {
                raw.start = UInt32(text.count)
                text += document.text[range]
            } else {
                let copied = document.children[range].map { UInt32(copy(Int($0), from: document)) }
                raw.start = UInt32(children.count)
                children += copied
            }
            nodes.append(raw)
            return nodes.count - 1
        }

        /// The new document; nodes are read from it by the indices `copy` returned.
        func document() -> YAMLDocument {
            YAMLDocument(nodes: nodes, children: children, text: text, rootIndex: 0)
        }
    }
}

/// A scalar as written in the spec: its text, how it was quoted, and where it starts.
///
/// libyaml resolves no types, so `true`, `50` and `null` arrive as text; the spec decoder gives them meaning,
/// and the style tells a plain `50` from a quoted `"50"`.
public struct YAMLScalar: Hashable, Sendable {
    public enum Style: UInt8, Hashable, Sendable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    public var value: String
    public var style: Style
    public var location: SourceLocation
    /// Whether the text is exactly what is written on one line, after `location` (and inside its quotes), with no
    /// escapes, doubled quotes or folded line breaks: only then is an offset into the text an offset on the line.
    public var isVerbatim: Bool

    public init(_ value: String, style: Style = .plain, at location: SourceLocation, isVerbatim: Bool = false) {
        self.value = value
        self.style = style
        self.location = location
        self.isVerbatim = isVerbatim
    }

    /// A plain `null`, `Null`, `NULL`, `~` or nothing at all: YAML's spellings of "no value".
    public var isNull: Bool {
        style == .plain && Self.nullSpellings.contains(value)
    }

    static let nullSpellings = ["", "~", "null", "Null", "NULL"]
}

/// One `key: value` pair of a mapping. Keys are always scalars: the reader rejects any other kind.
public struct YAMLMappingEntry: Hashable, Sendable {
    /// The key as a node, for checks that treat keys like values (a dictionary default's keys).
    public var keyNode: YAMLNode
    public var value: YAMLNode

    public var key: YAMLScalar { keyNode.scalar ?? YAMLScalar("", at: keyNode.location) }

    /// Whether the key is `name`, compared without making a `String`.
    public func hasKey(_ name: String) -> Bool {
        keyNode.document.scalar(keyNode.raw, equals: name)
    }
}

/// A node of the spec's YAML: a position in its document. Every node keeps the 1-based line and column where it
/// starts, so that every later stage can point at what it is talking about.
public struct YAMLNode: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case scalar(YAMLScalar)
        case sequence(YAMLSequence)
        /// Entries in the order they were written: the spec's order is the generated code's order.
        case mapping(YAMLMapping)
    }

    let document: YAMLDocument
    let index: Int

    init(document: YAMLDocument, index: Int) {
        self.document = document
        self.index = index
    }

    var raw: YAMLDocument.RawNode { document.nodes[index] }

    public var location: SourceLocation { raw.location }

    public var content: Content {
        let raw = raw
        switch raw.kind {
        case .scalar: return .scalar(YAMLScalar(document.string(raw), style: raw.style, at: raw.location, isVerbatim: raw.isVerbatim))
        case .sequence: return .sequence(sequence!)
        case .mapping: return .mapping(mapping!)
        }
    }

    public var scalar: YAMLScalar? {
        let raw = raw
        guard raw.kind == .scalar else { return nil }
        return YAMLScalar(document.string(raw), style: raw.style, at: raw.location, isVerbatim: raw.isVerbatim)
    }

    // Read from the record directly: going through `content` would make a scalar's `String` only to return nil.
    public var sequence: YAMLSequence? {
        let raw = raw
        return raw.kind == .sequence ? YAMLSequence(document: document, start: Int(raw.start), count: Int(raw.count)) : nil
    }

    public var mapping: YAMLMapping? {
        let raw = raw
        return raw.kind == .mapping ? YAMLMapping(document: document, start: Int(raw.start), count: Int(raw.count) / 2) : nil
    }

    /// Whether this is a plain empty scalar (`~`, `null`, nothing), checked without making a `String`.
    public var isNull: Bool {
        let raw = raw
        return raw.kind == .scalar && raw.style == .plain
            && YAMLScalar.nullSpellings.contains { document.scalar(raw, equals: $0) }
    }

    /// What this node is, in the words a diagnostic uses: "a mapping", "a list", "a string".
    public var kindDescription: String {
        switch raw.kind {
        case .scalar: isNull ? "an empty value" : "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// Nodes are equal when they say the same thing at the same place, whichever document holds them.
    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.location == rhs.location && lhs.content == rhs.content
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(location)
        hasher.combine(content)
    }
}

/// The items of a list, in order.
public struct YAMLSequence: RandomAccessCollection, Hashable, Sendable {
    let document: YAMLDocument
    let start: Int
    public let count: Int

    public static let empty = YAMLSequence(document: .empty, start: 0, count: 0)

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> YAMLNode {
        precondition(position >= 0 && position < count, "index out of range")
        return YAMLNode(document: document, index: Int(document.children[start + position]))
    }

    public static func == (lhs: YAMLSequence, rhs: YAMLSequence) -> Bool { lhs.elementsEqual(rhs) }
    public func hash(into hasher: inout Hasher) { for item in self { hasher.combine(item) } }
}

/// The entries of a mapping, in the order they were written. Duplicate keys never get this far: the reader rejects
/// them.
public struct YAMLMapping: RandomAccessCollection, Hashable, Sendable {
    let document: YAMLDocument
    let start: Int
    public let count: Int

    public static let empty = YAMLMapping(document: .empty, start: 0, count: 0)

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> YAMLMappingEntry {
        precondition(position >= 0 && position < count, "index out of range")
        let key = start + 2 * position
        return YAMLMappingEntry(
            keyNode: YAMLNode(document: document, index: Int(document.children[key])),
            value: YAMLNode(document: document, index: Int(document.children[key + 1])))
    }

    /// The entry for `key`, if it is there.
    func entry(_ key: String) -> YAMLMappingEntry? {
        first { $0.hasKey(key) }
    }

    /// The value for `key`, treating an explicit empty value like an absent key.
    func value(_ key: String) -> YAMLNode? {
        guard let value = entry(key)?.value, !value.isNull else { return nil }
        return value
    }

    public static func == (lhs: YAMLMapping, rhs: YAMLMapping) -> Bool { lhs.elementsEqual(rhs) }
    public func hash(into hasher: inout Hasher) { for entry in self { hasher.combine(entry) } }
}
