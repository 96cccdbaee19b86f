import Foundation

/// Where the App keeps its data, as `App serve --database` names it: a `postgres://` (or `postgresql://`) URL is a
/// PostgreSQL database, anything else the path of a SQLite file.
enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    /// `schema`: the PostgreSQL schema the App's tables live in; nil for the connection's default (`public`).
    case postgres(url: String, schema: String? = nil)

    init(_ argument: String) {
        let lowered = argument.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(url: argument)
        } else {
            self = .sqlite(path: argument)
        }
    }

    /// For logs and errors: a URL without its password.
    var description: String {
        switch self {
        case .sqlite(let path):
            return path
        case .postgres(let url, let schema):
            var shown = url
            if var components = URLComponents(string: url), components.password != nil {
                components.password = "***"
                shown = components.string ?? "a PostgreSQL database"
            }
            return schema.map { "\(shown) (schema \($0))" } ?? shown
        }
    }
}
