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

    private static func byAccount(oldestFirst: Bool = false) -> String {
        "SELECT * FROM balance_snapshots WHERE account_id = ? ORDER BY " + (oldestFirst ? "captured_at, id DESC" : "captured_at DESC, id")
    }

    private static func byUser(oldestFirst: Bool = false) -> String {
        """
        SELECT balance_snapshots.* FROM balance_snapshots
        JOIN accounts ON accounts.id = balance_snapshots.account_id
        JOIN provider_connections ON provider_connections.id = accounts.connection_id
        WHERE provider_connections.user_id = ? ORDER BY \(oldestFirst
            ? "balance_snapshots.captured_at, balance_snapshots.id DESC" : "balance_snapshots.captured_at DESC, balance_snapshots.id")
        """
    }

    func list(accountId: UUID) async throws -> [BalanceSnapshot] {
        try await session.read { db in
            try Row.fetchAll(db, sql: Self.byAccount(), arguments: [accountId.databaseText]).map(BalanceSnapshot.init(row:))
        }
    }

    func list(userId: UUID) async throws -> [BalanceSnapshot] {
        try await session.read { db in
            try Row.fetchAll(db, sql: Self.byUser(), arguments: [userId.databaseText]).map(BalanceSnapshot.init(row:))
        }
    }

    func fold<R: Sendable>(
        accountId: UUID, oldestFirst: Bool, into initial: R, _ update: @escaping @Sendable (inout R, BalanceSnapshot) -> Void
    ) async throws -> R {
        try await session.fold(
            Self.byAccount(oldestFirst: oldestFirst), arguments: [accountId.databaseText], decode: BalanceSnapshot.init(row:),
            into: initial, update)
    }

    func fold<R: Sendable>(
        userId: UUID, oldestFirst: Bool, into initial: R, _ update: @escaping @Sendable (inout R, BalanceSnapshot) -> Void
    ) async throws -> R {
        try await session.fold(
            Self.byUser(oldestFirst: oldestFirst), arguments: [userId.databaseText], decode: BalanceSnapshot.init(row:),
            into: initial, update)
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
