internal import CYaml

/// What reading a spec produced: the node tree when the file is well-formed YAML, and every problem found.
public struct YAMLReadResult: Sendable {
    /// The document's root node; nil when the file is empty or could not be parsed to the end.
    public var root: YAMLNode?
    public var diagnostics: [Diagnostic]
}

/// Reads YAML through libyaml's event API (the fast one: it streams, and keeps no document of its own) into a tree of
/// located nodes, rejecting what the spec language does not allow: malformed YAML, duplicate keys, tabs in
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
            return YAMLReadResult(root: nil, diagnostics: [
                .error(
                    "the spec is \(bytes.count) bytes, over the reader's limit of \(limits.maximumBytes) bytes",
                    at: .startOfFile)
            ])
        }
        guard bytes.count > TextPositions.byteOrderMarkLength(bytes) else {
            return YAMLReadResult(root: nil, diagnostics: [Self.emptySpec])
        }
        let positions = TextPositions(bytes: bytes)
        var builder = TreeBuilder(limits: limits)
        let parseFailure = parse(bytes, into: &builder, positions: positions)

        var diagnostics = builder.diagnostics
        // Every line indented with a tab is reported, not only the first, so that one run finds them all. A tab
        // inside a multi-line scalar is content, not indentation.
        let tabs = positions.tabsInIndentation().filter { tab in
            !builder.multilineScalarInteriors.contains { $0.contains(tab.line) }
        }
        diagnostics += tabs.map {
            .error("tabs are not allowed in indentation; indent with spaces", at: $0)
        }
        // A tab on or before the line where libyaml gave up explains its failure in plainer words than libyaml's
        // own ("found character that cannot start any token").
        if let parseFailure, !tabs.contains(where: { $0.line <= parseFailure.location.line }) {
            diagnostics.append(parseFailure)
        }
        if parseFailure == nil, !builder.stopped, builder.documentCount == 0 {
            diagnostics.append(Self.emptySpec)
        }
        let failed = parseFailure != nil || builder.stopped
        return YAMLReadResult(root: failed ? nil : builder.root, diagnostics: diagnostics.sortedByPosition())
    }

    static let emptySpec = Diagnostic.error(
        "the spec is empty; it must be a mapping that starts with 'version: 1'", at: .startOfFile)

    /// Feeds libyaml's events to the builder; returns libyaml's own error, if it stopped on one.
    private func parse(_ bytes: [UInt8], into builder: inout TreeBuilder, positions: TextPositions) -> Diagnostic? {
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
                    return Self.diagnostic(forFailureOf: parser.pointee, positions: positions)
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
    private static func diagnostic(forFailureOf parser: yaml_parser_t, positions: TextPositions) -> Diagnostic {
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
            let location = SourceLocation(mark: parser.problem_mark)
            var notes: [Diagnostic.Note] = []
            if let context = parser.context {
                notes.append(.init(String(cString: context), at: SourceLocation(mark: parser.context_mark)))
            }
            return .error("malformed YAML: \(problem)", at: location, notes: notes)
        }
    }
}

extension SourceLocation {
    /// libyaml's marks are 0-based.
    init(mark: yaml_mark_t) {
        self.init(line: mark.line + 1, column: mark.column + 1)
    }
}

/// Builds the node tree from libyaml events with an explicit stack, so that nesting depth costs heap, not the
/// call stack, and the depth limit is checked before anything deep is built.
private struct TreeBuilder {
    let limits: ReaderLimits
    var diagnostics: [Diagnostic] = []
    var root: YAMLNode?
    var documentCount = 0
    var stopped = false
    /// Lines strictly inside a scalar that spans lines, where a leading tab is content.
    var multilineScalarInteriors: [ClosedRange<Int>] = []

    private var stack: [Frame] = []
    private var nodeCount = 0
    private var anchors: [String: SourceLocation] = [:]
    private var firstDocument: SourceLocation?

    init(limits: ReaderLimits) {
        self.limits = limits
    }

    /// A mapping or list under construction.
    private struct Frame {
        enum PendingKey {
            case none
            case key(YAMLScalar)
            /// The key was rejected (not a scalar, or a duplicate); its value is read and dropped.
            case rejected
        }

        let isMapping: Bool
        let location: SourceLocation
        var items: [YAMLNode] = []
        var entries: [YAMLMappingEntry] = []
        var pending: PendingKey = .none
        /// Where each key was first written; built once a mapping is large enough for a linear scan to cost.
        var keyIndex: [String: SourceLocation]?
    }

    mutating func consume(_ event: yaml_event_t) {
        let location = SourceLocation(mark: event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if let firstDocument {
                diagnostics.append(.error(
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
            let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let end = SourceLocation(mark: event.end_mark)
            if end.line > location.line {
                let last = event.end_mark.column == 0 ? end.line - 1 : end.line
                if last > location.line { multilineScalarInteriors.append((location.line + 1)...last) }
            }
            attach(.scalar(YAMLScalar(value, style: Self.style(data.style), at: location)))
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            guard count(at: location), enter(at: location) else { return }
            recordProperties(anchor: data.anchor, tag: data.tag, at: location)
            stack.append(Frame(isMapping: false, location: location))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            guard count(at: location), enter(at: location) else { return }
            recordProperties(anchor: data.anchor, tag: data.tag, at: location)
            stack.append(Frame(isMapping: true, location: location))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = stack.removeLast()
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items)
            attach(YAMLNode(content, at: frame.location))
        case YAML_ALIAS_EVENT:
            guard count(at: location) else { return }
            let name = String(cString: event.data.alias.anchor)
            let notes = anchors[name].map { [Diagnostic.Note("anchor '&\(name)' is defined here", at: $0)] } ?? []
            diagnostics.append(.error(
                "aliases ('*\(name)') are not supported in the spec; write the value out in full",
                at: location, notes: notes))
            // A stand-in keeps the surrounding structure intact so that later problems are still found.
            attach(.scalar(YAMLScalar("", at: location)))
        default:
            break
        }
    }

    private mutating func count(at location: SourceLocation) -> Bool {
        nodeCount += 1
        guard nodeCount <= limits.maximumNodes else {
            diagnostics.append(.error(
                "the spec has more than \(limits.maximumNodes) nodes, the reader's limit", at: location))
            stopped = true
            return false
        }
        return true
    }

    private mutating func enter(at location: SourceLocation) -> Bool {
        guard stack.count < limits.maximumDepth else {
            diagnostics.append(.error(
                "mappings and lists are nested more than \(limits.maximumDepth) levels deep, the reader's limit",
                at: location))
            stopped = true
            return false
        }
        return true
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
            diagnostics.append(.error(
                "YAML tags ('\(written)') are not supported in the spec; the key decides a value's type",
                at: location))
        }
    }

    private mutating func attach(_ node: YAMLNode) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        switch stack[top].pending {
        case .none:
            guard let key = node.scalar else {
                diagnostics.append(.error(
                    "mapping keys must be scalars, not \(node.kindDescription)", at: node.location))
                stack[top].pending = .rejected
                return
            }
            if let first = firstOccurrence(of: key.value, in: &stack[top]) {
                diagnostics.append(.error(
                    "duplicate key '\(key.value)'", at: key.location,
                    notes: [.init("'\(key.value)' is first defined here", at: first)]))
                stack[top].pending = .rejected
            } else {
                stack[top].pending = .key(key)
            }
        case .key(let key):
            stack[top].entries.append(YAMLMappingEntry(key: key, value: node))
            stack[top].keyIndex?[key.value] = key.location
            stack[top].pending = .none
        case .rejected:
            stack[top].pending = .none
        }
    }

    private func firstOccurrence(of key: String, in frame: inout Frame) -> SourceLocation? {
        if frame.keyIndex == nil, frame.entries.count >= 16 {
            frame.keyIndex = Dictionary(
                frame.entries.map { ($0.key.value, $0.key.location) }, uniquingKeysWith: { first, _ in first })
        }
        if let index = frame.keyIndex {
            return index[key]
        }
        return frame.entries.first { $0.key.value == key }?.key.location
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
