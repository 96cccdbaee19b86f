import Foundation
import GRDB

struct SQLiteUserRepository: UserRepository {
    let session: DatabaseSession

    func find(id: UUID) async throws -> User? {
        try await session.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id.databaseText]).map(User.init(row:))
        }
    }

    func find(email: String) async throws -> User? {
        try await session.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE email = ?", arguments: [email]).map(User.init(row:))
        }
    }

    func save(_ user: User) async throws {
        try await session.write { db in try Self.save(user, in: db) }
    }

    func update<T: Sendable>(id: UUID, _ change: @escaping @Sendable (inout User) -> T) async throws -> T? {
        // One write closure: the row is read and written on the writer connection, so no other write comes between.
        try await session.write { db in
            guard var user = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id.databaseText])
                .map(User.init(row:))
            else { return nil }
            let value = change(&user)
            try Self.save(user, in: db)
            return value
        }
    }

    private static func save(_ user: User, in db: Database) throws {
        try db.upsert(into: "users", [
            ("id", user.id.databaseText), ("email", user.email), ("password_hash", user.passwordHash),
            ("roles", user.roles.databaseJSON), ("is_verified", user.isVerified), ("is_active", user.isActive),
            ("failed_login_attempts", user.failedLoginAttempts), ("locked_until", user.lockedUntil?.databaseSeconds),
            ("token_version", user.tokenVersion), ("token_version_changed_at", user.tokenVersionChangedAt?.databaseSeconds),
            ("created_at", user.createdAt.databaseSeconds), ("updated_at", user.updatedAt.databaseSeconds),
        ])
    }
}

extension User {
    init(row: Row) throws {
        self.init(
            id: try row.uuid("id"), email: row["email"], passwordHash: row["password_hash"], roles: row.strings("roles"),
            isVerified: row["is_verified"], isActive: row["is_active"], failedLoginAttempts: row["failed_login_attempts"],
            lockedUntil: row.optionalDate("locked_until"), tokenVersion: row["token_version"],
            tokenVersionChangedAt: row.optionalDate("token_version_changed_at"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
