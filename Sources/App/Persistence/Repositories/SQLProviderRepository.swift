import Foundation
import SQLKit

struct SQLProviderRepository: ProviderRepository {
    let session: DatabaseSession

    func find(slug: String) async throws -> Provider? {
        try await session.read { db in try await db.first(Provider.self, "SELECT * FROM providers WHERE slug = \(bind: slug)") }
    }
}
