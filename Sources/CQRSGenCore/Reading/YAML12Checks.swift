/// What YAML 1.2 forbids and libyaml accepts, found from the positions the reader records while it reads, then
/// checked against the text.
///
/// libyaml reads YAML 1.1, and leniently: a spec it accepts could mean something else to another YAML 1.2 reader
/// (an editor's, a linter's), or to a later libyaml. Refused here, each at its character:
/// - a line that continues a flow collection or a multi-line flow scalar (quoted or plain) must be indented by more
///   spaces than the key or `-` that holds it; a tab may follow those spaces, as separation, but not replace them;
/// - a comment needs white space before its `#`, also just after a closing quote or bracket and after a block
///   scalar's header (`>#`, `|-#`).
struct YAML12Checks {
    /// Lines that continue something begun on an earlier line, each needing `spaces` of indentation.
    struct Continuation {
        var lines: ClosedRange<Int>
        var spaces: Int
        var what: String
        var startLine: Int
    }

    var continuations: [Continuation] = []
    /// Just after a closing quote or bracket, where a `#` would start a comment with no space before it.
    var afterClosings: [SourceLocation] = []
    /// The `|` or `>` of each block scalar.
    var blockHeaders: [SourceLocation] = []
    /// Lines strictly inside a block scalar, where a leading tab is content.
    var blockScalarInteriors: [ClosedRange<Int>] = []

    /// Tabs in indentation, and the other problems. Tabs are worth reporting even when libyaml failed (a tab explains
    /// its failure in plainer words); the others only in text libyaml read to the end, where they are not echoes of
    /// its failure.
    func diagnostics(_ positions: TextPositions) -> (tabs: [Diagnostic], others: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var tabs: [Diagnostic] = []
        var reported = Set<Int>()
        let owners = ContinuationOwners(continuations)
        positions.forEachIndentation { indentation in
            let line = indentation.line
            let continuation = owners.first(containing: line).map { continuations[$0] }
            let here = SourceLocation(line: line, column: indentation.spaces + 1)
            switch indentation.next {
            case .tab:
                if blockScalarInteriors.contains(where: { $0.contains(line) }) { return }
                // After the indentation a continuation needs, a tab separates; before it, it stands for indentation.
                if let continuation, indentation.spaces >= continuation.spaces { return }
                tabs.append(.error("tabs are not allowed in indentation; indent with spaces", at: here))
            case .content:
                guard let continuation, indentation.spaces < continuation.spaces,
                      reported.insert(continuation.startLine).inserted
                else { return }
                diagnostics.append(.error(
                    "this line continues \(continuation.what) begun on line \(continuation.startLine), and must be "
                        + "indented by at least \(continuation.spaces) space\(continuation.spaces == 1 ? "" : "s")",
                    at: here))
            case .nothing:
                return
            }
        }
        var lines = TextPositions.LineCursor(positions)
        for location in afterClosings where positions.rest(of: location, lines: &lines).first == UInt8(ascii: "#") {
            diagnostics.append(.error("a comment needs a space before '#'", at: location))
        }
        for header in blockHeaders {
            let rest = positions.rest(of: header, lines: &lines)
            // The indicator, then its chomping and indentation indicators.
            let indicators = rest.dropFirst().prefix { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || (49...57).contains($0) }
            if rest.dropFirst(1 + indicators.count).first == UInt8(ascii: "#") {
                diagnostics.append(.error(
                    "a comment needs a space before '#'",
                    at: SourceLocation(line: header.line, column: header.column + 1 + indicators.count)))
            }
        }
        return (tabs, diagnostics)
    }
}

/// For each line, the first continuation (in the order they were recorded) whose lines hold it: built once, where
/// looking each line up in every continuation cost lines × continuations, quadratic in a spec of many multi-line
/// scalars.
private struct ContinuationOwners {
    /// Per line from `firstLine`, the index of its first continuation, or -1.
    private var owners: [Int32] = []
    private var firstLine = 0

    init(_ continuations: [YAML12Checks.Continuation]) {
        guard let low = continuations.map(\.lines.lowerBound).min(),
            let high = continuations.map(\.lines.upperBound).max()
        else { return }
        firstLine = low
        owners = Array(repeating: -1, count: high - low + 1)
        // Backwards, so that the first continuation holding a line is the one that stays.
        for (index, continuation) in continuations.enumerated().reversed() {
            for line in continuation.lines { owners[line - low] = Int32(index) }
        }
    }

    func first(containing line: Int) -> Int? {
        let offset = line - firstLine
        guard offset >= 0, offset < owners.count, owners[offset] >= 0 else { return nil }
        return Int(owners[offset])
    }
}
