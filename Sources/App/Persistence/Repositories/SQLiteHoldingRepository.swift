import Foundation
import GRDB

struct SQLiteHoldingRepository: HoldingRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> HoldingRecord? {
        try await session.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM holdings WHERE id = ?", arguments: [id.databaseText]).map(HoldingRecord.init(row:))
        }
    }

    private static let byAccount = "SELECT * FROM holdings WHERE account_id = ? ORDER BY symbol, id"
    private static let byUser = """
        SELECT holdings.* FROM holdings
        JOIN accounts ON accounts.id = holdings.account_id
        JOIN provider_connections ON provider_connections.id = accounts.connection_id
        WHERE provider_connections.user_id = ? ORDER BY holdings.symbol, holdings.id
        """

    func list(accountId: UUID) async throws -> [HoldingRecord] {
        try await session.read { db in
            try Row.fetchAll(db, sql: Self.byAccount, arguments: [accountId.databaseText]).map(HoldingRecord.init(row:))
        }
    }

    func list(userId: UUID) async throws -> [HoldingRecord] {
        try await session.read { db in
            try Row.fetchAll(db, sql: Self.byUser, arguments: [userId.databaseText]).map(HoldingRecord.init(row:))
        }
    }

    func fold<R: Sendable>(accountId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, HoldingRecord) -> Void) async throws -> R {
        try await session.fold(Self.byAccount, arguments: [accountId.databaseText], decode: HoldingRecord.init(row:), into: initial, update)
    }

    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, HoldingRecord) -> Void) async throws -> R {
        try await session.fold(Self.byUser, arguments: [userId.databaseText], decode: HoldingRecord.init(row:), into: initial, update)
    }

    func save(_ holding: HoldingRecord) async throws {
        try await session.write { db in
            try db.upsert(into: "holdings", [
                ("id", holding.id.databaseText), ("account_id", holding.accountId.databaseText),
                ("provider_holding_id", holding.providerHoldingId), ("symbol", holding.symbol),
                ("security_name", holding.securityName), ("asset_type", holding.assetType),
                ("quantity", holding.quantity.databaseText), ("cost_basis", holding.costBasis.databaseText),
                ("market_value", holding.marketValue.databaseText), ("currency", holding.currency),
                ("current_price", holding.currentPrice?.databaseText), ("is_active", holding.isActive),
                ("last_synced_at", holding.lastSyncedAt?.databaseSeconds), ("created_at", holding.createdAt.databaseSeconds),
                ("updated_at", holding.updatedAt.databaseSeconds),
            ])
        }
    }
}

extension HoldingRecord {
    init(row: Row) throws {
        self.init(
            id: try row.uuid("id"), accountId: try row.uuid("account_id"), providerHoldingId: row["provider_holding_id"],
            symbol: row["symbol"], securityName: row["security_name"], assetType: row["asset_type"],
            quantity: try row.decimal("quantity"), costBasis: try row.decimal("cost_basis"),
            marketValue: try row.decimal("market_value"), currency: row["currency"],
            currentPrice: row.optionalDecimal("current_price"), isActive: row["is_active"],
            lastSyncedAt: row.optionalDate("last_synced_at"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
