/// The types a folder of Swift sources declares, found by their declarations (`struct RegisterUserHandler`,
/// `final class …`, `actor …`, `enum …`, `protocol …`, `typealias …`): enough to tell which handlers and dependency
/// types are missing without compiling anything. A declaration in a line comment does not count.
public enum DeclaredTypes {
    static let declarationKeywords: Set<Substring> = ["struct", "class", "actor", "enum", "protocol", "typealias"]

    public static func declared(in sources: [String], among names: Set<String>) -> Set<String> {
        var found: Set<String> = []
        for source in sources {
            for line in source.split(whereSeparator: \.isNewline) {
                let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let words = code.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
                for (index, word) in words.enumerated().dropLast() where declarationKeywords.contains(word) {
                    let name = String(words[index + 1])
                    if names.contains(name) { found.insert(name) }
                }
            }
        }
        return found
    }
}
