import Foundation
import GRDB

struct SQLiteProviderRepository: ProviderRepository {
    let session: DatabaseSession

    func find(slug: String) async throws -> Provider? {
        try await session.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM providers WHERE slug = ?", arguments: [slug]).map { row in
                Provider(id: try row.uuid("id"), slug: row["slug"], name: row["name"])
            }
        }
    }
}
