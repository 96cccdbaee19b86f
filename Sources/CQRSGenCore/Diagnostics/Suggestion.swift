/// "Did you mean" suggestions, chosen by edit distance as swift-argument-parser does for misspelt options.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo: at most a third of the
    /// word's length away (and at least one edit), ignoring case when ranking equally distant candidates.
    public static func closest<S: Sequence>(to word: String, among candidates: S) -> String? where S.Element == String {
        // A typo is short: a long value (a pasted paragraph, a megabyte of junk) gets no suggestion, in constant time,
        // rather than an edit distance that grows with the square of its length.
        guard word.utf8.count <= maximumWordLength else { return nil }
        let length = word.unicodeScalars.count
        let limit = max(1, length / 3)
        var best: (candidate: String, distance: Int)?
        // The edit distance is at least the difference in length: most candidates need no table at all.
        for candidate in candidates where candidate != word && abs(candidate.unicodeScalars.count - length) <= limit {
            let distance = min(
                editDistance(word, candidate),
                editDistance(word.lowercased(), candidate.lowercased())
            )
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Words longer than this, in bytes, are not typos of a name.
    static let maximumWordLength = 256

    /// `"; did you mean 'x'?"`, or the empty string when nothing is close.
    public static func didYouMean<S: Sequence>(_ word: String, among candidates: S) -> String where S.Element == String {
        closest(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Edit distance with adjacent transpositions (optimal string alignment): insertions, deletions,
    /// substitutions and swaps of two neighbouring characters each cost one, so `shrot` is one edit from `short`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
