internal import CYaml

/// What reading a spec produced: the document when the file is well-formed YAML, and every problem found.
public struct YAMLReadResult: Sendable {
    /// The document; nil when the file is empty or could not be parsed to the end.
    public var document: YAMLDocument?
    public var diagnostics: [Diagnostic]

    /// The document's root node.
    public var root: YAMLNode? { document?.root }
}

/// Reads YAML through libyaml's event API (the fast one: it streams, and keeps no document of its own) into a
/// `YAMLDocument` of located nodes, rejecting what the spec language does not allow: malformed YAML, duplicate keys, tabs in
/// indentation, a second document, non-scalar keys, aliases, tags, invalid UTF-8, an empty file, and anything
/// beyond the reader's limits.
public struct YAMLReader: Sendable {
    public var limits: ReaderLimits

    public init(limits: ReaderLimits = .default) {
        self.limits = limits
    }

    public func read(_ text: String) -> YAMLReadResult {
        read(Array(text.utf8))
    }

    public func read(_ bytes: [UInt8]) -> YAMLReadResult {
        guard bytes.count <= limits.maximumBytes else {
            return YAMLReadResult(document: nil, diagnostics: [
                .error(
                    "the spec is \(bytes.count) bytes, over the reader's limit of \(limits.maximumBytes) bytes",
                    at: .startOfFile)
            ])
        }
        switch UTF16Input.transcode(bytes) {
        case .notUTF16: return read(utf8: bytes)
        case .utf8(let transcoded): return read(utf8: transcoded)
        case .invalid(let diagnostic, _): return YAMLReadResult(document: nil, diagnostics: [diagnostic])
        }
    }

    private func read(utf8 bytes: [UInt8]) -> YAMLReadResult {
        guard bytes.count > TextPositions.byteOrderMarkLength(bytes) else {
            return YAMLReadResult(document: nil, diagnostics: [Self.emptySpec])
        }
        let positions = TextPositions(bytes: bytes)
        let marks = MarkTranslator(utf8: bytes)
        var builder = TreeBuilder(limits: limits, expectedBytes: bytes.count, marks: marks)
        let parseFailure = parse(bytes, into: &builder, positions: positions, marks: marks)

        var diagnostics = builder.diagnostics
        // Every line indented with a tab is reported, not only the first, so that one run finds them all.
        let (tabs, others) = builder.checks.diagnostics(positions)
        diagnostics += tabs
        // A tab on or before the line where libyaml gave up explains its failure in plainer words than libyaml's
        // own ("found character that cannot start any token").
        if let parseFailure {
            if !tabs.contains(where: { $0.location.line <= parseFailure.location.line }) { diagnostics.append(parseFailure) }
        } else {
            diagnostics += others
        }
        if parseFailure == nil, !builder.stopped, builder.documentCount == 0 {
            diagnostics.append(Self.emptySpec)
        }
        let failed = parseFailure != nil || builder.stopped
        let end = positions.endOfText()
        return YAMLReadResult(
            document: failed ? nil : builder.document(),
            diagnostics: diagnostics.map { $0.clamped(to: end) }.sortedByPosition())
    }

    static let emptySpec = Diagnostic.error(
        "the spec is empty; it must be a mapping that starts with 'version: 1'", at: .startOfFile)

    /// Feeds libyaml's events to the builder; returns libyaml's own error, if it stopped on one.
    private func parse(
        _ bytes: [UInt8], into builder: inout TreeBuilder, positions: TextPositions, marks: MarkTranslator
    ) -> Diagnostic? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            return .error("libyaml could not allocate its parser", at: .startOfFile)
        }
        defer { yaml_parser_delete(parser) }

        return bytes.withUnsafeBufferPointer { buffer -> Diagnostic? in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while !builder.stopped {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    return Self.diagnostic(forFailureOf: parser.pointee, positions: positions, marks: marks)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                builder.consume(event)
            }
            return nil
        }
    }

    /// libyaml's error in compiler form. Scanner and parser errors carry a mark for the problem and one for the
    /// construct it was reading; reader errors (bad encoding) carry only a byte offset.
    private static func diagnostic(
        forFailureOf parser: yaml_parser_t, positions: TextPositions, marks: MarkTranslator
    ) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            let location = positions.location(ofByte: parser.problem_offset)
            let value = parser.problem_value
            if problem.contains("UTF-8") {
                // libyaml gives the offending byte, or -1 when the text ends inside a sequence.
                guard value >= 0 else { return .error("the spec is not valid UTF-8: \(problem)", at: location) }
                let hex = String(UInt8(truncatingIfNeeded: value), radix: 16, uppercase: true)
                return .error("the spec is not valid UTF-8: \(problem) (byte 0x\(hex.count == 1 ? "0" : "")\(hex))", at: location)
            }
            if value >= 0 {
                let hex = String(value, radix: 16, uppercase: true)
                return .error("\(problem) (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))", at: location)
            }
            return .error(problem, at: location)
        case YAML_MEMORY_ERROR:
            return .error("libyaml ran out of memory", at: .startOfFile)
        default:
            let location = marks.location(of: parser.problem_mark)
            var notes: [Diagnostic.Note] = []
            if let context = parser.context {
                notes.append(.init(String(cString: context), at: marks.location(of: parser.context_mark)))
            }
            return .error("malformed YAML: \(problem)", at: location, notes: notes)
        }
    }
}

extension Diagnostic {
    /// The diagnostic with its position, and its notes', moved back to `end` when they lie after it.
    fileprivate func clamped(to end: SourceLocation) -> Diagnostic {
        var copy = self
        copy.location = min(location, end)
        copy.notes = notes.map { note in
            var note = note
            note.location = min(note.location, end)
            return note
        }
        return copy
    }
}

extension SourceLocation {
    /// libyaml's marks are 0-based.
    init(mark: yaml_mark_t) {
        self.init(line: mark.line + 1, column: mark.column + 1)
    }
}

/// Builds the document from libyaml events with an explicit stack, so that nesting depth costs heap, not the
/// call stack, and the depth limit is checked before anything deep is built.
///
/// Nodes go to one array as they start; a collection's children are gathered on a shared stack while it is open and
/// moved to the document's child list, contiguous, when it closes.
private struct TreeBuilder {
    let limits: ReaderLimits
    /// What the builder found; at most ``maximumDiagnostics``, so that a file of a million aliases or duplicate
    /// keys costs neither a million diagnostics' memory nor their output.
    private(set) var diagnostics: [Diagnostic] = []

    /// Reading stops after this many problems: they stop the pipeline anyway, and later ones are the same mistake.
    static let maximumDiagnostics = 1_000
    var documentCount = 0
    var stopped = false
    /// Where YAML 1.2's rules that libyaml does not enforce are checked afterwards.
    var checks = YAML12Checks()

    private var nodes: [YAMLDocument.RawNode] = []
    private var children: [UInt32] = []
    private var text: [UInt8] = []
    private var root: Int?
    /// The children of every open collection, innermost last.
    private var openChildren: [UInt32] = []
    private var stack: [Frame] = []
    private var anchors: [String: SourceLocation] = [:]
    private var firstDocument: SourceLocation?

    private let marks: MarkTranslator

    init(limits: ReaderLimits, expectedBytes: Int, marks: MarkTranslator) {
        self.limits = limits
        self.marks = marks
        // About one node per 14 bytes of YAML, and less text than the file holds.
        nodes.reserveCapacity(expectedBytes / 12)
        children.reserveCapacity(expectedBytes / 12)
        text.reserveCapacity(expectedBytes)
    }

    /// A mapping or list under construction.
    private struct Frame {
        let node: Int
        let isMapping: Bool
        /// Where its children start in `openChildren`.
        let firstChild: Int
        /// Whether the last child attached to a mapping was a key still waiting for its value.
        var awaitsValue = false
        /// Set when a key was rejected (not a scalar, or a duplicate): its value is read and dropped.
        var dropsValue = false
        /// Where each key was first written; built once a mapping is large enough for a linear scan to cost.
        var keyIndex: [String: SourceLocation]?
        /// A flow collection (`[…]`, `{…}`): its lines after the first need `requiredSpaces` of indentation.
        var isFlow = false
        var requiredSpaces = 0
    }

    func document() -> YAMLDocument? {
        root.map { YAMLDocument(nodes: nodes, children: children, text: text, rootIndex: $0) }
    }

    /// Records a problem; the one past the limit stops reading, with a last error that says so.
    private mutating func report(_ diagnostic: Diagnostic) {
        guard diagnostics.count < Self.maximumDiagnostics else { return }
        diagnostics.append(diagnostic)
        if diagnostics.count == Self.maximumDiagnostics {
            diagnostics.append(.error(
                "stopped reading after \(Self.maximumDiagnostics) problems; fix these first", at: diagnostic.location))
            stopped = true
        }
    }

    mutating func consume(_ event: yaml_event_t) {
        let location = marks.location(of: event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if let firstDocument {
                report(.error(
                    "the spec must be a single YAML document; a second one starts here", at: location,
                    notes: [.init("the first document starts here", at: firstDocument)]))
                stopped = true
            } else {
                firstDocument = location
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            guard count(at: location) else { return }
            recordProperties(anchor: data.anchor, tag: data.tag, at: location)
            let end = marks.location(of: event.end_mark)
            let style = Self.style(data.style)
            record(scalar: style, from: location, to: end)
            let start = text.count
            let value = UnsafeBufferPointer(start: data.value, count: data.length)
            text.append(contentsOf: value)
            attach(
                scalarAt: location, style: style, start: start, count: data.length,
                isVerbatim: Self.isVerbatim(value, style: style, from: location, to: end))
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            guard count(at: location), enter(at: location) else { return }
            recordProperties(anchor: data.anchor, tag: data.tag, at: location)
            open(isMapping: false, isFlow: data.style == YAML_FLOW_SEQUENCE_STYLE, at: location)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            guard count(at: location), enter(at: location) else { return }
            recordProperties(anchor: data.anchor, tag: data.tag, at: location)
            open(isMapping: true, isFlow: data.style == YAML_FLOW_MAPPING_STYLE, at: location)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = stack.removeLast()
            if frame.isFlow {
                let start = nodes[frame.node].location
                checks.afterClosings.append(marks.location(of: event.end_mark))
                if location.line > start.line {
                    checks.continuations.append(.init(
                        lines: (start.line + 1)...location.line, spaces: frame.requiredSpaces, what: "a flow collection",
                        startLine: start.line))
                }
            }
            nodes[frame.node].start = UInt32(children.count)
            nodes[frame.node].count = UInt32(openChildren.count - frame.firstChild)
            children.append(contentsOf: openChildren[frame.firstChild...])
            openChildren.removeSubrange(frame.firstChild...)
            attach(frame.node)
        case YAML_ALIAS_EVENT:
            guard count(at: location) else { return }
            let name = String(cString: event.data.alias.anchor)
            let notes = anchors[name].map { [Diagnostic.Note("anchor '&\(name)' is defined here", at: $0)] } ?? []
            report(.error(
                "aliases ('*\(name)') are not supported in the spec; write the value out in full",
                at: location, notes: notes))
            // A stand-in keeps the surrounding structure intact so that later problems are still found.
            attach(scalarAt: location, style: .plain, start: text.count, count: 0)
        default:
            break
        }
    }

    private mutating func count(at location: SourceLocation) -> Bool {
        guard nodes.count < limits.maximumNodes else {
            report(.error(
                "the spec has more than \(limits.maximumNodes) nodes, the reader's limit", at: location))
            stopped = true
            return false
        }
        return true
    }

    private mutating func enter(at location: SourceLocation) -> Bool {
        guard stack.count < limits.maximumDepth else {
            report(.error(
                "mappings and lists are nested more than \(limits.maximumDepth) levels deep, the reader's limit",
                at: location))
            stopped = true
            return false
        }
        return true
    }

    private mutating func open(isMapping: Bool, isFlow: Bool, at location: SourceLocation) {
        let requiredSpaces = continuationIndent()
        nodes.append(.init(kind: isMapping ? .mapping : .sequence, style: .plain, location: location, start: 0, count: 0))
        var frame = Frame(node: nodes.count - 1, isMapping: isMapping, firstChild: openChildren.count)
        frame.isFlow = isFlow
        frame.requiredSpaces = requiredSpaces
        stack.append(frame)
    }

    /// The indentation that a node starting now needs on each line it continues to, as YAML 1.2 counts it: more than
    /// the block indentation around it, that is at least the column of the key or `-` that holds it; inside a flow
    /// collection, what the outermost one needs.
    private func continuationIndent() -> Int {
        guard let top = stack.last else { return 0 }
        if top.isFlow { return top.requiredSpaces }
        if top.isMapping, top.awaitsValue, let key = openChildren.last {
            return nodes[Int(key)].location.column
        }
        return nodes[top.node].location.column
    }

    /// Records what the YAML 1.2 checks need of a scalar.
    private mutating func record(scalar style: YAMLScalar.Style, from start: SourceLocation, to end: SourceLocation) {
        switch style {
        case .literal, .folded:
            checks.blockHeaders.append(start)
            let last = end.column == 1 ? end.line - 1 : end.line
            if last > start.line { checks.blockScalarInteriors.append((start.line + 1)...last) }
        case .singleQuoted, .doubleQuoted, .plain:
            if style != .plain { checks.afterClosings.append(end) }
            if end.line > start.line {
                checks.continuations.append(.init(
                    lines: (start.line + 1)...end.line, spaces: continuationIndent(),
                    what: style == .plain ? "a plain scalar" : "a quoted scalar", startLine: start.line))
            }
        }
    }

    /// Anchors are remembered so that an alias can point at them; tags are refused, because the spec's meaning
    /// must not depend on YAML's type system.
    private mutating func recordProperties(
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation
    ) {
        if let anchor {
            anchors[String(cString: anchor), default: location] = location
        }
        if let tag {
            let written = String(cString: tag).replacingPrefix("tag:yaml.org,2002:", with: "!!")
            report(.error(
                "YAML tags ('\(written)') are not supported in the spec; the key decides a value's type",
                at: location))
        }
    }

    private mutating func attach(
        scalarAt location: SourceLocation, style: YAMLScalar.Style, start: Int, count: Int, isVerbatim: Bool = false
    ) {
        nodes.append(.init(
            kind: .scalar, style: style, location: location, start: UInt32(start), count: UInt32(count), isVerbatim: isVerbatim))
        attach(nodes.count - 1)
    }

    /// Whether a scalar's value is the very characters written between `start` and `end` on one line (inside the
    /// quotes of a quoted one): then the value's length in characters is the distance between the two.
    private static func isVerbatim(
        _ value: UnsafeBufferPointer<UInt8>, style: YAMLScalar.Style, from start: SourceLocation, to end: SourceLocation
    ) -> Bool {
        guard start.line == end.line else { return false }
        let quotes: Int
        switch style {
        case .plain: quotes = 0
        case .singleQuoted, .doubleQuoted: quotes = 2
        case .literal, .folded: return false
        }
        let characters = value.reduce(0) { $0 + ($1 & 0b1100_0000 == 0b1000_0000 ? 0 : 1) }
        return characters + quotes == end.column - start.column
    }

    private mutating func attach(_ node: Int) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        guard stack[top].isMapping else {
            openChildren.append(UInt32(node))
            return
        }
        if stack[top].awaitsValue {
            stack[top].awaitsValue = false
            openChildren.append(UInt32(node))
            return
        }
        if stack[top].dropsValue {
            stack[top].dropsValue = false
            return
        }
        // A key.
        let raw = nodes[node]
        guard raw.kind == .scalar else {
            let kind = raw.kind == .mapping ? "a mapping" : "a list"
            report(.error("mapping keys must be scalars, not \(kind)", at: raw.location))
            stack[top].dropsValue = true
            return
        }
        if let first = firstOccurrence(of: raw, in: top) {
            let key = string(raw)
            report(.error(
                "duplicate key '\(key)'", at: raw.location, notes: [.init("'\(key)' is first defined here", at: first)]))
            stack[top].dropsValue = true
            return
        }
        openChildren.append(UInt32(node))
        stack[top].awaitsValue = true
        if stack[top].keyIndex != nil {
            stack[top].keyIndex![string(raw)] = raw.location
        }
    }

    /// Where an earlier key of the open mapping `frame` has the same text as `key`.
    private mutating func firstOccurrence(of key: YAMLDocument.RawNode, in frame: Int) -> SourceLocation? {
        let keys = stride(from: stack[frame].firstChild, to: openChildren.count, by: 2)
        if stack[frame].keyIndex == nil, (openChildren.count - stack[frame].firstChild) / 2 >= 16 {
            var index: [String: SourceLocation] = [:]
            for position in keys {
                let earlier = nodes[Int(openChildren[position])]
                index[string(earlier), default: earlier.location] = earlier.location
            }
            stack[frame].keyIndex = index
        }
        if let index = stack[frame].keyIndex {
            return index[string(key)]
        }
        for position in keys {
            let earlier = nodes[Int(openChildren[position])]
            if earlier.count == key.count, bytes(of: earlier).elementsEqual(bytes(of: key)) { return earlier.location }
        }
        return nil
    }

    private func bytes(of node: YAMLDocument.RawNode) -> ArraySlice<UInt8> {
        text[Int(node.start)..<Int(node.start + node.count)]
    }

    private func string(_ node: YAMLDocument.RawNode) -> String {
        String(decoding: bytes(of: node), as: UTF8.self)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
