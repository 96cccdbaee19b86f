import Foundation
import SQLKit

struct SQLUserRepository: UserRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> User? {
        try await session.read { db in try await db.first(User.self, "SELECT * FROM users WHERE id = \(bind: id)") }
    }

    func find(email: String) async throws -> User? {
        try await session.read { db in try await db.first(User.self, "SELECT * FROM users WHERE email = \(bind: email)") }
    }

    func save(_ user: User) async throws {
        try await session.write { db in try await db.upsert(user, into: "users") }
    }

    func update<T: Sendable>(id: UUID, _ change: @escaping @Sendable (inout User) -> T) async throws -> T? {
        // One write: the row is read and written in one transaction, so no other write comes between.
        let lock = session.database.dialect.lockingRead
        return try await session.write { db in
            guard var user = try await db.first(User.self, "SELECT * FROM users WHERE id = \(bind: id)\(lock)") else { return nil }
            let value = change(&user)
            try await db.upsert(user, into: "users")
            return value
        }
    }
}
