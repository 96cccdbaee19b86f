import Foundation
import GRDB

struct SQLiteSecurityConfigRepository: SecurityConfigRepository {
    let session: DatabaseSession

    func current() async throws -> SecurityConfig {
        try await session.read { db in
            // The row is created by the migrations and never deleted.
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM security_config WHERE id = 1") else {
                throw StoredValueError(column: "security_config.id", expected: "the settings row")
            }
            return SecurityConfig(
                globalTokenVersion: row["global_token_version"], gracePeriodSeconds: row["grace_period_seconds"],
                updatedAt: try row.date("updated_at"))
        }
    }

    func save(_ config: SecurityConfig) async throws {
        try await session.write { db in
            try db.upsert(into: "security_config", [
                ("id", 1), ("global_token_version", config.globalTokenVersion),
                ("grace_period_seconds", config.gracePeriodSeconds), ("updated_at", config.updatedAt.databaseSeconds),
            ])
        }
    }
}
