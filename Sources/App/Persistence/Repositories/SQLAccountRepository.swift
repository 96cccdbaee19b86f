import Foundation
import SQLKit

struct SQLAccountRepository: AccountRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> Account? {
        try await session.read { db in try await db.first(Account.self, "SELECT * FROM accounts WHERE id = \(bind: id)") }
    }

    private static func byConnection(_ connectionId: UUID) -> SQLQueryString {
        "SELECT * FROM accounts WHERE connection_id = \(bind: connectionId) ORDER BY created_at, id"
    }

    private static func byUser(_ userId: UUID) -> SQLQueryString {
        """
        SELECT accounts.* FROM accounts JOIN provider_connections ON provider_connections.id = accounts.connection_id
        WHERE provider_connections.user_id = \(bind: userId) ORDER BY accounts.created_at, accounts.id
        """
    }

    func list(connectionId: UUID) async throws -> [Account] {
        try await session.read { db in try await db.all(Account.self, Self.byConnection(connectionId)) }
    }

    func list(userId: UUID) async throws -> [Account] {
        try await session.read { db in try await db.all(Account.self, Self.byUser(userId)) }
    }

    func fold<R: Sendable>(connectionId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, Account) -> Void) async throws -> R {
        try await session.fold(Self.byConnection(connectionId), into: initial, update)
    }

    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, Account) -> Void) async throws -> R {
        try await session.fold(Self.byUser(userId), into: initial, update)
    }

    func save(_ account: Account) async throws {
        try await session.write { db in try await db.upsert(account, into: "accounts") }
    }

    func upsertBalances(_ account: Account) async throws -> (account: Account, inserted: Bool) {
        let stored = try await session.write { db in
            try await db.insert(into: "accounts").model(account, with: StoredRow.encoder)
                .onConflict(with: ["connection_id", "provider_account_id"]) { update in
                    update.set(excludedValueOf: "balance").set(excludedValueOf: "available_balance")
                        .set(excludedValueOf: "last_synced_at").set(excludedValueOf: "updated_at")
                }
                .returning(SQLLiteral.all)
                .first(decoding: Account.self, with: StoredRow.decoder)
        }
        guard let stored else { throw StoredValueError(column: "accounts", expected: "the row an upsert returns") }
        return (stored, stored.id == account.id)
    }
}
