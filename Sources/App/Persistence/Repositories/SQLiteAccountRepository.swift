import Foundation
import GRDB

struct SQLiteAccountRepository: AccountRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> Account? {
        try await session.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE id = ?", arguments: [id.databaseText]).map(Account.init(row:))
        }
    }

    private static let byConnection = "SELECT * FROM accounts WHERE connection_id = ? ORDER BY created_at, id"
    private static let byUser = """
        SELECT accounts.* FROM accounts JOIN provider_connections ON provider_connections.id = accounts.connection_id
        WHERE provider_connections.user_id = ? ORDER BY accounts.created_at, accounts.id
        """

    func list(connectionId: UUID) async throws -> [Account] {
        try await session.read { db in
            try Row.fetchAll(db, sql: Self.byConnection, arguments: [connectionId.databaseText]).map(Account.init(row:))
        }
    }

    func list(userId: UUID) async throws -> [Account] {
        try await session.read { db in
            try Row.fetchAll(db, sql: Self.byUser, arguments: [userId.databaseText]).map(Account.init(row:))
        }
    }

    func fold<R: Sendable>(connectionId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, Account) -> Void) async throws -> R {
        try await session.fold(Self.byConnection, arguments: [connectionId.databaseText], decode: Account.init(row:), into: initial, update)
    }

    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, Account) -> Void) async throws -> R {
        try await session.fold(Self.byUser, arguments: [userId.databaseText], decode: Account.init(row:), into: initial, update)
    }

    func save(_ account: Account) async throws {
        try await session.write { db in try db.upsert(into: "accounts", account.columns) }
    }

    func upsertBalances(_ account: Account) async throws -> (account: Account, inserted: Bool) {
        let names = account.columns.map(\.0)
        let sql = """
            INSERT INTO accounts (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))
            ON CONFLICT (connection_id, provider_account_id) DO UPDATE SET balance = excluded.balance,
                available_balance = excluded.available_balance, last_synced_at = excluded.last_synced_at,
                updated_at = excluded.updated_at
            RETURNING *
            """
        let stored = try await session.write { db in
            try Row.fetchOne(db, sql: sql, arguments: StatementArguments(account.columns.map(\.1))).map(Account.init(row:))
        }
        guard let stored else { throw DatabaseError(message: "an upsert returned no row") }
        return (stored, stored.id == account.id)
    }
}

extension Account {
    /// The row's columns and values, in one place for every statement that writes one.
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [
            ("id", id.databaseText), ("connection_id", connectionId.databaseText),
            ("provider_account_id", providerAccountId), ("account_number_masked", accountNumberMasked),
            ("name", name), ("account_type", accountType.rawValue), ("currency", currency),
            ("balance", balance.databaseText), ("available_balance", availableBalance?.databaseText),
            ("is_active", isActive), ("last_synced_at", lastSyncedAt?.databaseSeconds),
            ("created_at", createdAt.databaseSeconds), ("updated_at", updatedAt.databaseSeconds),
        ]
    }

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
