import Foundation

/// Balance snapshots to capture when balances become known: after an account sync, a holdings sync or an import has
/// committed. Like Dashtam's portfolio event handlers, this happens because of an event, in a transaction of its own,
/// so a failure here never undoes the sync that caused it.
struct BalanceCapture: Codable, Sendable, Hashable {
    /// Which accounts' balances became known.
    enum Accounts: Codable, Sendable, Hashable {
        /// Every account of a connection, after an account sync.
        case ofConnection(UUID)
        /// One account, with the value of its active holdings, after a holdings sync.
        case withHoldings(accountId: UUID)
        /// Every account of a user at a provider, after an import.
        case ofProvider(userId: UUID, providerSlug: String)
    }

    var accounts: Accounts
    /// What the snapshots record as their cause.
    var source: String

    /// The capture `event` owes; nil for any other event.
    init?(_ event: DomainEvent) {
        switch event {
        case .accountSyncSucceeded(let synced):
            (accounts, source) = (.ofConnection(synced.connectionId), "account_sync")
        case .holdingsSyncSucceeded(let synced):
            (accounts, source) = (.withHoldings(accountId: synced.accountId), "holdings_sync")
        case .fileImportSucceeded(let imported):
            (accounts, source) = (.ofProvider(userId: imported.userId, providerSlug: imported.providerSlug), "import")
        default: return nil
        }
    }

    /// Writes one snapshot per account through `scope`, dated `now`: the balances are as of the delivery.
    func capture(on scope: DatabaseRequestScope, at now: Date) async throws {
        for (account, holdingsValue) in try await balances(scope) {
            try await scope.snapshotRepository.save(BalanceSnapshot(
                id: UUID(), accountId: account.id, balance: account.balance, availableBalance: account.availableBalance,
                holdingsValue: holdingsValue, cashValue: holdingsValue.map { account.balance - $0 },
                currency: account.currency, source: source, capturedAt: now, createdAt: now))
        }
    }

    private func balances(_ scope: DatabaseRequestScope) async throws -> [(Account, holdingsValue: Decimal?)] {
        switch accounts {
        case .ofConnection(let connectionId):
            return try await scope.accountRepository.list(connectionId: connectionId).map { ($0, nil) }
        case .withHoldings(let accountId):
            guard let account = try await scope.accountRepository.find(id: accountId) else { return [] }
            let holdings = try await scope.holdingRepository.list(accountId: accountId).filter(\.isActive)
            return [(account, holdings.reduce(0) { $0 + $1.marketValue })]
        case .ofProvider(let userId, let slug):
            let connections = try await scope.connectionRepository.list(userId: userId)
            let ids = Set(connections.filter { $0.providerSlug == slug }.map(\.id))
            let accounts = try await scope.accountRepository.list(userId: userId)
            return accounts.filter { ids.contains($0.connectionId) }.map { ($0, nil) }
        }
    }
}
