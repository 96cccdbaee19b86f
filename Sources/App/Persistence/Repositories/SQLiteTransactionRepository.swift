import Foundation
import GRDB

struct SQLiteTransactionRepository: TransactionRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> TransactionRecord? {
        try await session.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM transactions WHERE id = ?", arguments: [id.databaseText])
                .map(TransactionRecord.init(row:))
        }
    }

    func find(accountId: UUID, providerTransactionId: String) async throws -> TransactionRecord? {
        try await session.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM transactions WHERE account_id = ? AND provider_transaction_id = ?",
                arguments: [accountId.databaseText, providerTransactionId]
            ).map(TransactionRecord.init(row:))
        }
    }

    func list(accountId: UUID, filter: TransactionFilter, limit: Int?, offset: Int) async throws -> TransactionPage {
        try await session.read { db in
            var conditions = ["account_id = ?"]
            var arguments: [(any DatabaseValueConvertible)?] = [accountId.databaseText]
            if let type = filter.transactionType {
                conditions.append("transaction_type = ?")
                arguments.append(type)
            }
            if let symbol = filter.symbol {
                conditions.append("symbol = ?")
                arguments.append(symbol)
            }
            // `YYYY-MM-DD` text orders as the days do.
            if let from = filter.from {
                conditions.append("transaction_date >= ?")
                arguments.append(from.iso8601)
            }
            if let to = filter.to {
                conditions.append("transaction_date <= ?")
                arguments.append(to.iso8601)
            }
            let matching = "FROM transactions WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) " + matching, arguments: StatementArguments(arguments)) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * " + matching + " ORDER BY transaction_date DESC, provider_transaction_id DESC LIMIT ? OFFSET ?",
                arguments: StatementArguments(arguments + [limit ?? -1, offset]))
            return TransactionPage(transactions: try rows.map(TransactionRecord.init(row:)), totalCount: total)
        }
    }

    func save(_ transaction: TransactionRecord) async throws {
        try await session.write { db in try db.upsert(into: "transactions", transaction.columns) }
    }

    func insertNew(_ transactions: [TransactionRecord]) async throws -> Int {
        guard let first = transactions.first else { return 0 }
        let names = first.columns.map(\.0)
        let sql = """
            INSERT INTO transactions (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))
            ON CONFLICT (account_id, provider_transaction_id) DO NOTHING
            """
        return try await session.write { db in
            let statement = try db.cachedStatement(sql: sql)
            var inserted = 0
            for transaction in transactions {
                try statement.execute(arguments: StatementArguments(transaction.columns.map(\.1)))
                inserted += db.changesCount
            }
            return inserted
        }
    }
}

extension TransactionRecord {
    /// The row's columns and values, in one place for every statement that writes one.
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [
            ("id", id.databaseText), ("account_id", accountId.databaseText),
            ("provider_transaction_id", providerTransactionId), ("transaction_type", transactionType),
            ("subtype", subtype), ("status", status), ("amount", amount.databaseText),
            ("currency", currency), ("description", description), ("asset_type", assetType),
            ("symbol", symbol), ("security_name", securityName),
            ("quantity", quantity?.databaseText), ("unit_price", unitPrice?.databaseText),
            ("commission", commission?.databaseText), ("transaction_date", transactionDate.iso8601),
            ("settlement_date", settlementDate?.iso8601), ("created_at", createdAt.databaseSeconds),
            ("updated_at", updatedAt.databaseSeconds),
        ]
    }

    init(row: Row) throws {
        self.init(
            id: try row.uuid("id"), accountId: try row.uuid("account_id"), providerTransactionId: row["provider_transaction_id"],
            transactionType: row["transaction_type"], subtype: row["subtype"], status: row["status"],
            amount: try row.decimal("amount"), currency: row["currency"], description: row["description"],
            assetType: row["asset_type"], symbol: row["symbol"], securityName: row["security_name"],
            quantity: row.optionalDecimal("quantity"), unitPrice: row.optionalDecimal("unit_price"),
            commission: row.optionalDecimal("commission"), transactionDate: try row.calendarDate("transaction_date"),
            settlementDate: row.optionalCalendarDate("settlement_date"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
