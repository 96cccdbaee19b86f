/// A short, readable difference between two versions of a file: the lines that changed between the longest common
/// beginning and end, as `-` and `+` lines, cut to a screenful. Enough for a person to see what is stale.
struct ShortDiff {
    let firstChangedLine: Int
    let text: String

    static let maximumLines = 12

    init(old: String, new: String) {
        let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false)
        let newLines = new.split(separator: "\n", omittingEmptySubsequences: false)
        var prefix = 0
        while prefix < oldLines.count, prefix < newLines.count, oldLines[prefix] == newLines[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < oldLines.count - prefix, suffix < newLines.count - prefix,
              oldLines[oldLines.count - 1 - suffix] == newLines[newLines.count - 1 - suffix]
        {
            suffix += 1
        }
        let removed = oldLines[prefix..<(oldLines.count - suffix)].map { "- " + $0 }
        let added = newLines[prefix..<(newLines.count - suffix)].map { "+ " + $0 }
        var lines = ["@@ line \(prefix + 1) @@"]
        let changes = removed + added
        lines += changes.prefix(Self.maximumLines)
        if changes.count > Self.maximumLines {
            lines.append("… \(changes.count - Self.maximumLines) more changed lines")
        }
        firstChangedLine = prefix + 1
        text = lines.joined(separator: "\n")
    }
}
