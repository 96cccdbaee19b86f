import Foundation
import SQLKit

struct SQLHoldingRepository: HoldingRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> HoldingRecord? {
        try await session.read { db in try await db.first(HoldingRecord.self, "SELECT * FROM holdings WHERE id = \(bind: id)") }
    }

    private static func byAccount(_ accountId: UUID) -> SQLQueryString {
        "SELECT * FROM holdings WHERE account_id = \(bind: accountId) ORDER BY symbol, id"
    }

    private static func byUser(_ userId: UUID) -> SQLQueryString {
        """
        SELECT holdings.* FROM holdings
        JOIN accounts ON accounts.id = holdings.account_id
        JOIN provider_connections ON provider_connections.id = accounts.connection_id
        WHERE provider_connections.user_id = \(bind: userId) ORDER BY holdings.symbol, holdings.id
        """
    }

    func list(accountId: UUID) async throws -> [HoldingRecord] {
        try await session.read { db in try await db.all(HoldingRecord.self, Self.byAccount(accountId)) }
    }

    func list(userId: UUID) async throws -> [HoldingRecord] {
        try await session.read { db in try await db.all(HoldingRecord.self, Self.byUser(userId)) }
    }

    func fold<R: Sendable>(accountId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, HoldingRecord) -> Void) async throws -> R {
        try await session.fold(Self.byAccount(accountId), into: initial, update)
    }

    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, HoldingRecord) -> Void) async throws -> R {
        try await session.fold(Self.byUser(userId), into: initial, update)
    }

    func save(_ holding: HoldingRecord) async throws {
        try await session.write { db in try await db.upsert(holding, into: "holdings") }
    }
}
