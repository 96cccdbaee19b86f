import CQRS
import Foundation

/// Creates and updates an investment account's holdings from its provider, and deactivates the positions the
/// provider no longer reports.
struct SyncHoldingsHandler: SyncHoldingsHandling {
    let accountRepository: any AccountRepository
    let connectionRepository: any ProviderConnectionRepository
    let holdingRepository: any HoldingRepository
    let encryptionService: any EncryptionService
    let providerFactory: any ProviderFactory
    let clock: any WallClock
    let events: SyncHoldingsEvents

    func handle(_ command: SyncHoldings) async -> Result<SyncHoldingsResult, OperationError> {
        return await events.holdingsSync(HoldingsSyncAttempted(userId: command.userId, accountId: command.accountId)) {
            guard case .success(let account) = try await AccountOwnership.account(
                command.accountId, of: command.userId, accounts: accountRepository, connections: connectionRepository),
                let connection = try await connectionRepository.find(id: account.connectionId)
            else { return .failure(.accountNotFound) }
            guard account.accountType.isInvestment else {
                return .failure(OperationError(.notInvestmentAccount, message: "Only investment accounts have holdings."))
            }
            let access = try ProviderAccess.open(
                connection, userId: command.userId, force: command.force, at: clock.now, encryption: encryptionService,
                providers: providerFactory)
            let fetched: [ProviderHoldingData]
            do {
                fetched = try await access.provider.fetchHoldings(credentials: access.credentials, providerAccountId: account.providerAccountId)
            } catch {
                return .failure(OperationError(.providerError, message: "The provider failed: \(error)"))
            }
            let now = clock.now
            var existing = Dictionary(
                try await holdingRepository.list(accountId: account.id).map { ($0.providerHoldingId, $0) },
                uniquingKeysWith: { first, _ in first })
            var created = 0, updated = 0, unchanged = 0, deactivated = 0
            for data in fetched {
                guard var holding = existing.removeValue(forKey: data.providerHoldingId) else {
                    try await holdingRepository.save(HoldingRecord(
                        id: UUID(), accountId: account.id, providerHoldingId: data.providerHoldingId, symbol: data.symbol,
                        securityName: data.securityName, assetType: data.assetType, quantity: data.quantity,
                        costBasis: data.costBasis, marketValue: data.marketValue, currency: data.currency,
                        currentPrice: data.currentPrice, isActive: true, lastSyncedAt: now, createdAt: now, updatedAt: now))
                    created += 1
                    continue
                }
                let changed = holding.quantity != data.quantity || holding.costBasis != data.costBasis
                    || holding.marketValue != data.marketValue || holding.currentPrice != data.currentPrice || !holding.isActive
                guard changed else {
                    unchanged += 1
                    continue
                }
                holding.quantity = data.quantity
                holding.costBasis = data.costBasis
                holding.marketValue = data.marketValue
                holding.currentPrice = data.currentPrice
                holding.isActive = true
                holding.lastSyncedAt = now
                holding.updatedAt = now
                try await holdingRepository.save(holding)
                updated += 1
            }
            for var stale in existing.values where stale.isActive {
                stale.isActive = false
                stale.updatedAt = now
                try await holdingRepository.save(stale)
                deactivated += 1
            }
            try await access.markSynced(at: now, in: connectionRepository)
            events.publish(AccountHoldingsUpdated(userId: command.userId, accountId: account.id, holdingsCount: fetched.count))
            return .success(SyncHoldingsResult(
                created: created, updated: updated, unchanged: unchanged, deactivated: deactivated, errors: 0,
                message: "Synced \(fetched.count) holdings: \(created) created, \(updated) updated, \(deactivated) deactivated."))
        }
    }
}
