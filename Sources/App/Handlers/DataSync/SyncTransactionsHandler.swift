import CQRS
import Foundation

/// Creates and updates transactions from the provider for one of a connection's accounts or all of them, over a
/// range of days (the last 30 by default).
struct SyncTransactionsHandler: SyncTransactionsHandling {
    let connectionRepository: any ProviderConnectionRepository
    let accountRepository: any AccountRepository
    let transactionRepository: any TransactionRepository
    let encryptionService: any EncryptionService
    let providerFactory: any ProviderFactory
    let clock: any WallClock
    let events: SyncTransactionsEvents

    static let defaultRangeInDays = 30

    func handle(_ command: SyncTransactions) async -> Result<SyncTransactionsResult, OperationError> {
        return await events.transactionSync(TransactionSyncAttempted(userId: command.userId, connectionId: command.connectionId)) {
            let end = command.endDate ?? CalendarDate(clock.now)
            let start = command.startDate ?? end.adding(days: -Self.defaultRangeInDays)
            guard start <= end else {
                return .failure(.invalidDateRange)
            }
            guard let connection = try await connectionRepository.find(id: command.connectionId) else {
                return .failure(.connectionNotFound)
            }
            let access = try ProviderAccess.open(
                connection, userId: command.userId, force: command.force, at: clock.now, encryption: encryptionService,
                providers: providerFactory)
            var accounts = try await accountRepository.list(connectionId: connection.id).filter(\.isActive)
            if let accountId = command.accountId {
                accounts = accounts.filter { $0.id == accountId }
                guard !accounts.isEmpty else { return .failure(.accountNotFound) }
            }
            let now = clock.now
            var created = 0, updated = 0, unchanged = 0, errors = 0
            for account in accounts {
                let fetched: [ProviderTransactionData]
                do {
                    fetched = try await access.provider.fetchTransactions(
                        credentials: access.credentials, providerAccountId: account.providerAccountId, from: start, to: end)
                } catch {
                    errors += 1
                    continue
                }
                for data in fetched {
                    let existing = try await transactionRepository.find(accountId: account.id, providerTransactionId: data.providerTransactionId)
                    let record = TransactionRecord(
                        id: existing?.id ?? UUID(), accountId: account.id, providerTransactionId: data.providerTransactionId,
                        transactionType: data.transactionType, subtype: data.subtype, status: data.status, amount: data.amount,
                        currency: account.currency, description: data.description, assetType: data.assetType, symbol: data.symbol,
                        securityName: data.securityName, quantity: data.quantity, unitPrice: data.unitPrice,
                        commission: data.commission, transactionDate: data.transactionDate, settlementDate: data.settlementDate,
                        createdAt: existing?.createdAt ?? now, updatedAt: now)
                    if let existing {
                        var comparable = record
                        comparable.updatedAt = existing.updatedAt
                        if comparable == existing {
                            unchanged += 1
                            continue
                        }
                        updated += 1
                    } else {
                        created += 1
                    }
                    try await transactionRepository.save(record)
                }
            }
            try await access.markSynced(at: now, in: connectionRepository)
            return .success(SyncTransactionsResult(
                created: created, updated: updated, unchanged: unchanged, errors: errors, accountsSynced: accounts.count - errors,
                message: "Synced transactions of \(accounts.count - errors) accounts from \(start.iso8601) to \(end.iso8601)."))
        }
    }
}
