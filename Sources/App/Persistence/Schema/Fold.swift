import GRDB

extension DatabaseSession {
    /// Folds the rows of `sql` into `initial`, one decoded row at a time, through a cursor: a query's totals and its
    /// page in one pass, without holding every row in memory.
    func fold<Item, Result: Sendable>(
        _ sql: String, arguments: StatementArguments, decode: @escaping @Sendable (Row) throws -> Item,
        into initial: Result, _ update: @escaping @Sendable (inout Result, Item) -> Void
    ) async throws -> Result {
        try await read { db in
            var result = initial
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                update(&result, try decode(row))
            }
            return result
        }
    }
}
