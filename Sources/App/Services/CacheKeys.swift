import CQRS
import Foundation

/// The cache's keys, in one place so that writers and invalidators agree.
struct CacheKeys: Sendable {
    var prefix: String

    init(prefix: String = "dashtam") {
        self.prefix = prefix
    }

    func securityConfig() -> String { "\(prefix):security:config" }

    func accountList(userId: UUID, activeOnly: Bool, accountType: AccountType?) -> String {
        "\(prefix):accounts:\(userId.uuidString):\(activeOnly ? "active" : "all"):\(accountType?.rawValue ?? "any")"
    }

    /// Every account-list key of a user, for invalidation after a sync.
    func accountLists(userId: UUID) -> [String] {
        [true, false].flatMap { activeOnly in
            ([nil] + AccountType.allCases.map(Optional.some)).map { accountList(userId: userId, activeOnly: activeOnly, accountType: $0) }
        }
    }
}
