import Foundation
import GRDB

struct SQLiteAccountRepository: AccountRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> Account? {
        try await session.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE id = ?", arguments: [id.databaseText]).map(Account.init(row:))
        }
    }

    func list(connectionId: UUID) async throws -> [Account] {
        try await session.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM accounts WHERE connection_id = ? ORDER BY created_at, id", arguments: [connectionId.databaseText]
            ).map(Account.init(row:))
        }
    }

    func list(userId: UUID) async throws -> [Account] {
        try await session.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT accounts.* FROM accounts JOIN provider_connections ON provider_connections.id = accounts.connection_id
                    WHERE provider_connections.user_id = ? ORDER BY accounts.created_at, accounts.id
                    """,
                arguments: [userId.databaseText]
            ).map(Account.init(row:))
        }
    }

    func save(_ account: Account) async throws {
        try await session.write { db in
            try db.upsert(into: "accounts", [
                ("id", account.id.databaseText), ("connection_id", account.connectionId.databaseText),
                ("provider_account_id", account.providerAccountId), ("account_number_masked", account.accountNumberMasked),
                ("name", account.name), ("account_type", account.accountType.rawValue), ("currency", account.currency),
                ("balance", account.balance.databaseText), ("available_balance", account.availableBalance?.databaseText),
                ("is_active", account.isActive), ("last_synced_at", account.lastSyncedAt?.databaseSeconds),
                ("created_at", account.createdAt.databaseSeconds), ("updated_at", account.updatedAt.databaseSeconds),
            ])
        }
    }
}

extension Account {
    init(row: Row) throws {
        guard let type = AccountType(rawValue: row["account_type"]) else {
            throw StoredValueError(column: "account_type", expected: "an account type")
        }
        self.init(
            id: try row.uuid("id"), connectionId: try row.uuid("connection_id"), providerAccountId: row["provider_account_id"],
            accountNumberMasked: row["account_number_masked"], name: row["name"], accountType: type, currency: row["currency"],
            balance: try row.decimal("balance"), availableBalance: row.optionalDecimal("available_balance"),
            isActive: row["is_active"], lastSyncedAt: row.optionalDate("last_synced_at"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
