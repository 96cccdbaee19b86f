import GRDB

extension Database {
    /// Inserts a row, or updates the row with the same key in place. (`INSERT OR REPLACE` would delete that row
    /// first, and with it, through the foreign keys, every row that belongs to it.)
    func upsert(into table: String, key: [String] = ["id"], _ columns: [(String, (any DatabaseValueConvertible)?)]) throws {
        let names = columns.map(\.0)
        let updates = names.filter { !key.contains($0) }.map { "\($0) = excluded.\($0)" }
        let sql = """
            INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))
            ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", "))
            """
        try execute(sql: sql, arguments: StatementArguments(columns.map(\.1)))
    }
}
