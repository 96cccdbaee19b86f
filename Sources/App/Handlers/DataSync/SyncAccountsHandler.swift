import CQRS
import Foundation

/// Creates and updates a connection's accounts from its provider, reporting each balance that changed.
struct SyncAccountsHandler: SyncAccountsHandling {
    let connectionRepository: any ProviderConnectionRepository
    let accountRepository: any AccountRepository
    let encryptionService: any EncryptionService
    let providerFactory: any ProviderFactory
    let clock: any WallClock
    let events: SyncAccountsEvents

    func handle(_ command: SyncAccounts) async -> Result<SyncAccountsResult, OperationError> {
        return await events.accountSync(AccountSyncAttempted(userId: command.userId, connectionId: command.connectionId)) {
            guard let connection = try await connectionRepository.find(id: command.connectionId) else {
                return .failure(.connectionNotFound)
            }
            let access = try ProviderAccess.open(
                connection, userId: command.userId, force: command.force, at: clock.now, encryption: encryptionService,
                providers: providerFactory)
            let fetched: [ProviderAccountData]
            do {
                fetched = try await access.provider.fetchAccounts(credentials: access.credentials)
            } catch {
                return .failure(OperationError(.providerError, message: "The provider failed: \(error)"))
            }
            let now = clock.now
            var existing = Dictionary(
                try await accountRepository.list(connectionId: connection.id).map { ($0.providerAccountId, $0) },
                uniquingKeysWith: { first, _ in first })
            var created = 0, updated = 0, unchanged = 0
            var changes: [BalanceChange] = []
            for data in fetched {
                if var account = existing[data.providerAccountId] {
                    let previousBalance = account.balance
                    let changed = account.name != data.name || account.balance != data.balance
                        || account.availableBalance != data.availableBalance || !account.isActive
                    guard changed else {
                        unchanged += 1
                        continue
                    }
                    account.name = data.name
                    account.balance = data.balance
                    account.availableBalance = data.availableBalance
                    account.isActive = true
                    account.lastSyncedAt = now
                    account.updatedAt = now
                    try await accountRepository.save(account)
                    existing[data.providerAccountId] = account
                    updated += 1
                    if previousBalance != data.balance {
                        changes.append(BalanceChange(accountId: account.id, previous: previousBalance, current: data.balance, currency: account.currency))
                        events.publish(AccountBalanceUpdated(
                            userId: command.userId, accountId: account.id, previousBalance: previousBalance,
                            newBalance: data.balance, currency: account.currency))
                    }
                } else {
                    let account = Account(
                        id: UUID(), connectionId: connection.id, providerAccountId: data.providerAccountId,
                        accountNumberMasked: data.accountNumberMasked, name: data.name, accountType: data.accountType,
                        currency: data.currency, balance: data.balance, availableBalance: data.availableBalance, isActive: true,
                        lastSyncedAt: now, createdAt: now, updatedAt: now)
                    try await accountRepository.save(account)
                    existing[data.providerAccountId] = account
                    created += 1
                }
            }
            try await access.markSynced(at: now, in: connectionRepository)
            return .success(SyncAccountsResult(
                created: created, updated: updated, unchanged: unchanged, errors: 0,
                message: "Synced \(fetched.count) accounts: \(created) created, \(updated) updated, \(unchanged) unchanged.",
                balanceChanges: changes))
        }
    }
}
