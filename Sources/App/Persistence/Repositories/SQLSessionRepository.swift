import Foundation
import SQLKit

struct SQLSessionRepository: SessionRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> SessionRecord? {
        try await session.read { db in try await db.first(SessionRecord.self, "SELECT * FROM sessions WHERE id = \(bind: id)") }
    }

    private static func byUser(_ userId: UUID) -> SQLQueryString {
        "SELECT * FROM sessions WHERE user_id = \(bind: userId) ORDER BY created_at DESC, id"
    }

    func list(userId: UUID) async throws -> [SessionRecord] {
        try await session.read { db in try await db.all(SessionRecord.self, Self.byUser(userId)) }
    }

    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, SessionRecord) -> Void) async throws -> R {
        try await session.fold(Self.byUser(userId), into: initial, update)
    }

    func save(_ record: SessionRecord) async throws {
        try await session.write { db in try await db.upsert(record, into: "sessions") }
    }
}
