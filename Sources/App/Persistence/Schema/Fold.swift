import SQLKit
import Synchronization

extension DatabaseSession {
    /// Folds the rows of `query` into `initial`, one record at a time as the rows arrive: a query's totals and its
    /// page in one pass, without holding every row in memory.
    func fold<Item: Decodable, Result: Sendable>(
        _ query: SQLQueryString, into initial: Result, _ update: @escaping @Sendable (inout Result, Item) -> Void
    ) async throws -> Result {
        try await read { db in
            let state = Mutex<(result: Result, error: (any Error)?)>((initial, nil))
            try await db.execute(sql: query) { row in
                state.withLock { state in
                    guard state.error == nil else { return }
                    do {
                        update(&state.result, try row.decode(model: Item.self, with: StoredRow.decoder))
                    } catch {
                        state.error = error
                    }
                }
            }
            return try state.withLock { state in
                if let error = state.error { throw error }
                return state.result
            }
        }
    }
}
