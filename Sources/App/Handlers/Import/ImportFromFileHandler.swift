import CQRS
import Foundation

/// Imports accounts and transactions from a QFX, OFX or CSV statement into the user's connection to the provider
/// that exported it (created on first import). Transactions already imported are skipped.
struct ImportFromFileHandler: ImportFromFileHandling {
    let connectionRepository: any ProviderConnectionRepository
    let accountRepository: any AccountRepository
    let transactionRepository: any TransactionRepository
    let providerRepository: any ProviderRepository
    let providerFactory: any ProviderFactory
    let eventBus: any EventBus

    /// Statements larger than this are refused.
    static let maximumFileSize = 10 << 20

    func handle(_ command: ImportFromFile) async -> Result<ImportResult, OperationError> {
        let attributes = [
            "user_id": command.userId.uuidString, "provider": command.providerSlug, "file_name": command.fileName,
            "format": command.fileFormat.rawValue,
        ]
        return await eventBus.recording(.fileImportAttempted, .fileImportSucceeded, .fileImportFailed, attributes) {
            guard !command.fileContent.isEmpty, command.fileContent.count <= Self.maximumFileSize else {
                return .failure(OperationError(code: "invalid_file", message: "The file is empty or larger than 10 MiB."))
            }
            guard let provider = try await providerRepository.find(slug: command.providerSlug) else {
                return .failure(OperationError(code: "provider_not_found", message: "Unknown provider '\(command.providerSlug)'."))
            }
            let statement: ParsedStatement
            do {
                statement = try providerFactory.provider(slug: provider.slug).parseStatement(command.fileContent, format: command.fileFormat)
            } catch {
                return .failure(OperationError(code: "invalid_file", message: "The file could not be read: \(error)"))
            }
            let now = Date()
            let connection = try await importConnection(userId: command.userId, provider: provider, at: now)
            var accounts = Dictionary(
                try await accountRepository.list(connectionId: connection.id).map { ($0.providerAccountId, $0) },
                uniquingKeysWith: { first, _ in first })
            var accountsCreated = 0, accountsUpdated = 0, transactionsCreated = 0, transactionsSkipped = 0
            for data in statement.accounts {
                var account: Account
                if var existing = accounts[data.providerAccountId] {
                    existing.balance = data.balance
                    existing.availableBalance = data.availableBalance
                    existing.lastSyncedAt = now
                    existing.updatedAt = now
                    account = existing
                    accountsUpdated += 1
                } else {
                    account = Account(
                        id: UUID(), connectionId: connection.id, providerAccountId: data.providerAccountId,
                        accountNumberMasked: data.accountNumberMasked, name: data.name, accountType: data.accountType,
                        currency: data.currency, balance: data.balance, availableBalance: data.availableBalance, isActive: true,
                        lastSyncedAt: now, createdAt: now, updatedAt: now)
                    accountsCreated += 1
                }
                try await accountRepository.save(account)
                accounts[data.providerAccountId] = account
                for transaction in statement.transactions[data.providerAccountId] ?? [] {
                    if try await transactionRepository.find(accountId: account.id, providerTransactionId: transaction.providerTransactionId) != nil {
                        transactionsSkipped += 1
                        continue
                    }
                    try await transactionRepository.save(TransactionRecord(
                        id: UUID(), accountId: account.id, providerTransactionId: transaction.providerTransactionId,
                        transactionType: transaction.transactionType, subtype: transaction.subtype, status: transaction.status,
                        amount: transaction.amount, currency: account.currency, description: transaction.description,
                        assetType: transaction.assetType, symbol: transaction.symbol, securityName: transaction.securityName,
                        quantity: transaction.quantity, unitPrice: transaction.unitPrice, commission: transaction.commission,
                        transactionDate: transaction.transactionDate, settlementDate: transaction.settlementDate,
                        createdAt: now, updatedAt: now))
                    transactionsCreated += 1
                }
                await eventBus.publish(DomainEvent(.fileImportProgress, at: now, attributes.merging([
                    "account": data.providerAccountId, "accounts_done": "\(accountsCreated + accountsUpdated)",
                    "accounts_total": "\(statement.accounts.count)",
                ]) { $1 }))
            }
            return .success(ImportResult(
                connectionId: connection.id, accountsCreated: accountsCreated, accountsUpdated: accountsUpdated,
                transactionsCreated: transactionsCreated, transactionsSkipped: transactionsSkipped,
                message: "Imported \(command.fileName): \(transactionsCreated) transactions, \(transactionsSkipped) already present."))
        }
    }

    /// The user's connection to the provider, made for file imports on first use: it holds no credentials.
    private func importConnection(userId: UUID, provider: Provider, at now: Date) async throws -> ProviderConnection {
        if let existing = try await connectionRepository.list(userId: userId).first(where: { $0.providerId == provider.id }) {
            return existing
        }
        let connection = ProviderConnection(
            id: UUID(), userId: userId, providerId: provider.id, providerSlug: provider.slug, alias: "File import",
            status: .active, credentials: nil, connectedAt: now, lastSyncAt: now, createdAt: now, updatedAt: now)
        try await connectionRepository.save(connection)
        return connection
    }
}
