import Foundation
import SQLKit

struct SQLSecurityConfigRepository: SecurityConfigRepository {
    let session: DatabaseSession

    func current() async throws -> SecurityConfig {
        try await session.read { db in
            // The row is created by the migrations and never deleted.
            guard let config = try await db.first(SecurityConfig.self, "SELECT * FROM security_config WHERE id = 1") else {
                throw StoredValueError(column: "security_config.id", expected: "the settings row")
            }
            return config
        }
    }

    func save(_ config: SecurityConfig) async throws {
        try await session.write { db in
            try await db.update("security_config").set(model: config, with: StoredRow.encoder).where("id", .equal, 1).run()
        }
    }
}

/// A stored value that this module could not have written: the database was changed by something else.
struct StoredValueError: Error, CustomStringConvertible {
    var column: String
    var expected: String
    var description: String { "column '\(column)' does not hold \(expected)" }
}
