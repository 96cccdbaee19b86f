import Foundation

@testable import App

// In-memory adapters for every repository port: what the handlers run against in tests. Actors keep them safe
// to share, as a database session is.

actor InMemoryUsers: UserRepository {
    var users: [UUID: User] = [:]
    func find(id: UUID) -> User? { users[id] }
    func find(email: String) -> User? { users.values.first { $0.email == email } }
    func save(_ user: User) { users[user.id] = user }
    func update<T: Sendable>(id: UUID, _ change: @escaping @Sendable (inout User) -> T) -> T? {
        guard var user = users[id] else { return nil }
        let value = change(&user)
        users[id] = user
        return value
    }
}

actor InMemoryVerificationTokens: EmailVerificationTokenRepository {
    var tokens: [String: EmailVerificationToken] = [:]
    func find(token: String) -> EmailVerificationToken? { tokens[token] }
    func save(_ token: EmailVerificationToken) { tokens[token.token] = token }
}

actor InMemoryResetTokens: PasswordResetTokenRepository {
    var tokens: [String: PasswordResetToken] = [:]
    func find(token: String) -> PasswordResetToken? { tokens[token] }
    func save(_ token: PasswordResetToken) { tokens[token.token] = token }
    func count(userId: UUID, since date: Date) -> Int { tokens.values.count { $0.userId == userId && $0.createdAt >= date } }
}

actor InMemoryRefreshTokens: RefreshTokenRepository {
    var tokens: [UUID: RefreshTokenRecord] = [:]
    func find(id: UUID) -> RefreshTokenRecord? { tokens[id] }
    func find(tokenHash: String) -> RefreshTokenRecord? { tokens.values.first { $0.tokenHash == tokenHash } }
    func save(_ token: RefreshTokenRecord) { tokens[token.id] = token }
    func revokeAll(userId: UUID, reason: String, at date: Date) -> Int {
        var count = 0
        for (id, token) in tokens where token.userId == userId && token.isUsable(at: date) {
            tokens[id]?.revokedAt = date
            tokens[id]?.revokedReason = reason
            count += 1
        }
        return count
    }
}

actor InMemorySessions: SessionRepository {
    var sessions: [UUID: SessionRecord] = [:]
    func find(id: UUID) -> SessionRecord? { sessions[id] }
    func list(userId: UUID) -> [SessionRecord] {
        sessions.values.filter { $0.userId == userId }.sorted { $0.createdAt > $1.createdAt }
    }
    func save(_ session: SessionRecord) { sessions[session.id] = session }
    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, SessionRecord) -> Void) -> R {
        list(userId: userId).reduce(into: initial, update)
    }
}

actor InMemorySecurityConfig: SecurityConfigRepository {
    var config = SecurityConfig(globalTokenVersion: 1, gracePeriodSeconds: 300, updatedAt: Date(timeIntervalSince1970: 0))
    func current() -> SecurityConfig { config }
    func save(_ config: SecurityConfig) { self.config = config }
}

actor InMemoryProviders: ProviderRepository {
    var providers: [Provider] = []
    init(_ providers: [Provider]) { self.providers = providers }
    func find(slug: String) -> Provider? { providers.first { $0.slug == slug } }
}

actor InMemoryConnections: ProviderConnectionRepository {
    var connections: [UUID: ProviderConnection] = [:]
    func find(id: UUID) -> ProviderConnection? { connections[id] }
    func list(userId: UUID) -> [ProviderConnection] {
        connections.values.filter { $0.userId == userId }.sorted { $0.createdAt < $1.createdAt }
    }
    func save(_ connection: ProviderConnection) { connections[connection.id] = connection }
    func firstOrInsert(_ connection: ProviderConnection) -> ProviderConnection {
        if let existing = list(userId: connection.userId).first(where: { $0.providerId == connection.providerId }) { return existing }
        connections[connection.id] = connection
        return connection
    }
    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, ProviderConnection) -> Void) -> R {
        list(userId: userId).reduce(into: initial, update)
    }
}

actor InMemoryAccounts: AccountRepository {
    var accounts: [UUID: Account] = [:]
    let connections: InMemoryConnections
    init(connections: InMemoryConnections) { self.connections = connections }
    func find(id: UUID) -> Account? { accounts[id] }
    func list(connectionId: UUID) -> [Account] {
        accounts.values.filter { $0.connectionId == connectionId }.sorted { $0.createdAt < $1.createdAt }
    }
    func list(userId: UUID) async -> [Account] {
        let owned = Set(await connections.list(userId: userId).map(\.id))
        return accounts.values.filter { owned.contains($0.connectionId) }.sorted { $0.createdAt < $1.createdAt }
    }
    func save(_ account: Account) { accounts[account.id] = account }
    func upsertBalances(_ account: Account) -> (account: Account, inserted: Bool) {
        guard var existing = accounts.values.first(where: {
            $0.connectionId == account.connectionId && $0.providerAccountId == account.providerAccountId
        }) else {
            accounts[account.id] = account
            return (account, true)
        }
        existing.balance = account.balance
        existing.availableBalance = account.availableBalance
        existing.lastSyncedAt = account.lastSyncedAt
        existing.updatedAt = account.updatedAt
        accounts[existing.id] = existing
        return (existing, false)
    }
    func fold<R: Sendable>(connectionId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, Account) -> Void) -> R {
        list(connectionId: connectionId).reduce(into: initial, update)
    }
    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, Account) -> Void) async -> R {
        await list(userId: userId).reduce(into: initial, update)
    }
}

actor InMemoryTransactions: TransactionRepository {
    var transactions: [UUID: TransactionRecord] = [:]
    func find(id: UUID) -> TransactionRecord? { transactions[id] }
    func find(accountId: UUID, providerTransactionId: String) -> TransactionRecord? {
        transactions.values.first { $0.accountId == accountId && $0.providerTransactionId == providerTransactionId }
    }
    func list(accountId: UUID, filter: TransactionFilter, limit: Int?, offset: Int) -> TransactionPage {
        let matching = transactions.values.filter { transaction in
            transaction.accountId == accountId
                && (filter.transactionType.map { $0 == transaction.transactionType } ?? true)
                && (filter.symbol.map { $0 == transaction.symbol } ?? true)
                && (filter.from.map { $0 <= transaction.transactionDate } ?? true)
                && (filter.to.map { transaction.transactionDate <= $0 } ?? true)
        }.sorted { ($0.transactionDate, $0.providerTransactionId) > ($1.transactionDate, $1.providerTransactionId) }
        let page = matching.dropFirst(offset).prefix(limit ?? matching.count)
        return TransactionPage(transactions: Array(page), totalCount: matching.count)
    }
    func save(_ transaction: TransactionRecord) { transactions[transaction.id] = transaction }
    func insertNew(_ records: [TransactionRecord]) -> Int {
        var inserted = 0
        for record in records where find(accountId: record.accountId, providerTransactionId: record.providerTransactionId) == nil {
            transactions[record.id] = record
            inserted += 1
        }
        return inserted
    }
}

actor InMemoryHoldings: HoldingRepository {
    var holdings: [UUID: HoldingRecord] = [:]
    let accounts: InMemoryAccounts
    init(accounts: InMemoryAccounts) { self.accounts = accounts }
    func find(id: UUID) -> HoldingRecord? { holdings[id] }
    func list(accountId: UUID) -> [HoldingRecord] {
        holdings.values.filter { $0.accountId == accountId }.sorted { $0.symbol < $1.symbol }
    }
    func list(userId: UUID) async -> [HoldingRecord] {
        let owned = Set(await accounts.list(userId: userId).map(\.id))
        return holdings.values.filter { owned.contains($0.accountId) }.sorted { $0.symbol < $1.symbol }
    }
    func save(_ holding: HoldingRecord) { holdings[holding.id] = holding }
    func fold<R: Sendable>(accountId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, HoldingRecord) -> Void) -> R {
        list(accountId: accountId).reduce(into: initial, update)
    }
    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, HoldingRecord) -> Void) async -> R {
        await list(userId: userId).reduce(into: initial, update)
    }
}

actor InMemorySnapshots: BalanceSnapshotRepository {
    var snapshots: [BalanceSnapshot] = []
    let accounts: InMemoryAccounts
    init(accounts: InMemoryAccounts) { self.accounts = accounts }
    func save(_ snapshot: BalanceSnapshot) { snapshots.append(snapshot) }
    func list(accountId: UUID) -> [BalanceSnapshot] {
        snapshots.filter { $0.accountId == accountId }.sorted { $0.capturedAt > $1.capturedAt }
    }
    func list(userId: UUID) async -> [BalanceSnapshot] {
        let owned = Set(await accounts.list(userId: userId).map(\.id))
        return snapshots.filter { owned.contains($0.accountId) }.sorted { $0.capturedAt > $1.capturedAt }
    }
    func fold<R: Sendable>(
        accountId: UUID, oldestFirst: Bool, into initial: R, _ update: @escaping @Sendable (inout R, BalanceSnapshot) -> Void
    ) -> R {
        let newestFirst = list(accountId: accountId)
        return (oldestFirst ? Array(newestFirst.reversed()) : newestFirst).reduce(into: initial, update)
    }
    func fold<R: Sendable>(
        userId: UUID, oldestFirst: Bool, into initial: R, _ update: @escaping @Sendable (inout R, BalanceSnapshot) -> Void
    ) async -> R {
        let newestFirst = await list(userId: userId)
        return (oldestFirst ? Array(newestFirst.reversed()) : newestFirst).reduce(into: initial, update)
    }
}
