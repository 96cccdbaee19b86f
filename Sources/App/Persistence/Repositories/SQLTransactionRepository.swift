import Foundation
import SQLKit

struct SQLTransactionRepository: TransactionRepository {
    let session: DatabaseSession

    /// Rows per INSERT when importing: well under both engines' limit on a statement's parameters (SQLite 32,766,
    /// PostgreSQL 65,535) at 19 columns a row.
    static let insertBatch = 500

    func find(id: UUID) async throws -> TransactionRecord? {
        try await session.read { db in try await db.first(TransactionRecord.self, "SELECT * FROM transactions WHERE id = \(bind: id)") }
    }

    func find(accountId: UUID, providerTransactionId: String) async throws -> TransactionRecord? {
        try await session.read { db in
            try await db.first(TransactionRecord.self, """
                SELECT * FROM transactions
                WHERE account_id = \(bind: accountId) AND provider_transaction_id = \(bind: providerTransactionId)
                """)
        }
    }

    func list(accountId: UUID, filter: TransactionFilter, limit: Int?, offset: Int) async throws -> TransactionPage {
        try await session.read { db in
            var matching: SQLQueryString = "FROM transactions WHERE account_id = \(bind: accountId)"
            if let type = filter.transactionType { matching += " AND transaction_type = \(bind: type)" }
            if let symbol = filter.symbol { matching += " AND symbol = \(bind: symbol)" }
            // `YYYY-MM-DD` text orders as the days do.
            if let from = filter.from { matching += " AND transaction_date >= \(bind: from)" }
            if let to = filter.to { matching += " AND transaction_date <= \(bind: to)" }
            let total = try await db.scalar(Int.self, "SELECT COUNT(*) AS value " + matching) ?? 0
            var page: SQLQueryString = "SELECT * " + matching + " ORDER BY transaction_date DESC, provider_transaction_id DESC"
            if let limit {
                page += " LIMIT \(bind: limit)"
            } else if session.database.dialect == .sqlite {
                page += " LIMIT -1"  // SQLite takes an OFFSET only after a LIMIT; -1 is none.
            }
            page += " OFFSET \(bind: offset)"
            return TransactionPage(transactions: try await db.all(TransactionRecord.self, page), totalCount: total)
        }
    }

    func save(_ transaction: TransactionRecord) async throws {
        try await session.write { db in try await db.upsert(transaction, into: "transactions") }
    }

    func insertNew(_ transactions: [TransactionRecord]) async throws -> Int {
        guard !transactions.isEmpty else { return 0 }
        return try await session.write { db in
            var inserted = 0
            for start in stride(from: 0, to: transactions.count, by: Self.insertBatch) {
                let batch = Array(transactions[start..<min(start + Self.insertBatch, transactions.count)])
                inserted += try await db.insert(into: "transactions").models(batch, with: StoredRow.encoder)
                    .ignoringConflicts(with: ["account_id", "provider_transaction_id"])
                    .returning("id").all().count
            }
            return inserted
        }
    }
}
