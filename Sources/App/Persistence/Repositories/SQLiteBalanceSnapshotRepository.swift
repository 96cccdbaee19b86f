import Foundation
import GRDB

struct SQLiteBalanceSnapshotRepository: BalanceSnapshotRepository {
    let session: DatabaseSession

    func save(_ snapshot: BalanceSnapshot) async throws {
        try await session.write { db in
            try db.upsert(into: "balance_snapshots", [
                ("id", snapshot.id.databaseText), ("account_id", snapshot.accountId.databaseText),
                ("balance", snapshot.balance.databaseText), ("available_balance", snapshot.availableBalance?.databaseText),
                ("holdings_value", snapshot.holdingsValue?.databaseText), ("cash_value", snapshot.cashValue?.databaseText),
                ("currency", snapshot.currency), ("source", snapshot.source), ("captured_at", snapshot.capturedAt.databaseSeconds),
                ("created_at", snapshot.createdAt.databaseSeconds),
            ])
        }
    }

    func list(accountId: UUID) async throws -> [BalanceSnapshot] {
        try await session.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM balance_snapshots WHERE account_id = ? ORDER BY captured_at DESC, id",
                arguments: [accountId.databaseText]
            ).map(BalanceSnapshot.init(row:))
        }
    }

    func list(userId: UUID) async throws -> [BalanceSnapshot] {
        try await session.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT balance_snapshots.* FROM balance_snapshots
                    JOIN accounts ON accounts.id = balance_snapshots.account_id
                    JOIN provider_connections ON provider_connections.id = accounts.connection_id
                    WHERE provider_connections.user_id = ? ORDER BY balance_snapshots.captured_at DESC, balance_snapshots.id
                    """,
                arguments: [userId.databaseText]
            ).map(BalanceSnapshot.init(row:))
        }
    }
}

extension BalanceSnapshot {
    init(row: Row) throws {
        self.init(
            id: try row.uuid("id"), accountId: try row.uuid("account_id"), balance: try row.decimal("balance"),
            availableBalance: row.optionalDecimal("available_balance"), holdingsValue: row.optionalDecimal("holdings_value"),
            cashValue: row.optionalDecimal("cash_value"), currency: row["currency"], source: row["source"],
            capturedAt: try row.date("captured_at"), createdAt: try row.date("created_at"))
    }
}
