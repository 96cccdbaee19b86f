/// Naming-convention prefixes match whole words: `ListAccounts` starts with `List`, `Listen` does not.
public enum NamePrefix {
    public static func name(_ name: String, startsWith prefix: String) -> Bool {
        guard !prefix.isEmpty, name.hasPrefix(prefix) else { return false }
        guard let next = name.dropFirst(prefix.count).unicodeScalars.first else { return true }
        return ("A"..."Z").contains(next) || next.isASCIIDigit || next == "_"
    }

    public static func first(of prefixes: [String], in name: String) -> String? {
        prefixes.first { self.name(name, startsWith: $0) }
    }
}
