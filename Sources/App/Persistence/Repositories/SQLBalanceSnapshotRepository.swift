import Foundation
import SQLKit

struct SQLBalanceSnapshotRepository: BalanceSnapshotRepository {
    let session: DatabaseSession

    func save(_ snapshot: BalanceSnapshot) async throws {
        try await session.write { db in try await db.upsert(snapshot, into: "balance_snapshots") }
    }

    private static func order(oldestFirst: Bool, table: String = "balance_snapshots") -> SQLQueryString {
        oldestFirst
            ? "ORDER BY \(ident: table).captured_at, \(ident: table).id DESC"
            : "ORDER BY \(ident: table).captured_at DESC, \(ident: table).id"
    }

    private static func byAccount(_ accountId: UUID, oldestFirst: Bool = false) -> SQLQueryString {
        "SELECT * FROM balance_snapshots WHERE account_id = \(bind: accountId) \(Self.order(oldestFirst: oldestFirst))"
    }

    private static func byUser(_ userId: UUID, oldestFirst: Bool = false) -> SQLQueryString {
        """
        SELECT balance_snapshots.* FROM balance_snapshots
        JOIN accounts ON accounts.id = balance_snapshots.account_id
        JOIN provider_connections ON provider_connections.id = accounts.connection_id
        WHERE provider_connections.user_id = \(bind: userId) \(Self.order(oldestFirst: oldestFirst))
        """
    }

    func list(accountId: UUID) async throws -> [BalanceSnapshot] {
        try await session.read { db in try await db.all(BalanceSnapshot.self, Self.byAccount(accountId)) }
    }

    func list(userId: UUID) async throws -> [BalanceSnapshot] {
        try await session.read { db in try await db.all(BalanceSnapshot.self, Self.byUser(userId)) }
    }

    func fold<R: Sendable>(
        accountId: UUID, oldestFirst: Bool, into initial: R, _ update: @escaping @Sendable (inout R, BalanceSnapshot) -> Void
    ) async throws -> R {
        try await session.fold(Self.byAccount(accountId, oldestFirst: oldestFirst), into: initial, update)
    }

    func fold<R: Sendable>(
        userId: UUID, oldestFirst: Bool, into initial: R, _ update: @escaping @Sendable (inout R, BalanceSnapshot) -> Void
    ) async throws -> R {
        try await session.fold(Self.byUser(userId, oldestFirst: oldestFirst), into: initial, update)
    }
}
