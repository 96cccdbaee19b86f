import CQRS
import Foundation

/// Imports accounts and transactions from a QFX, OFX or CSV statement into the user's connection to the provider
/// that exported it (created on first import). Transactions already imported are skipped.
///
/// A statement is bounded (``maximumFileSize``, ``maximumAccounts``, ``maximumTransactions``), and written in batches
/// of ``batchSize`` transactions, each committed on its own: between two batches every other writer waiting for the
/// database gets its turn, so a large import delays a small write by one batch, not by the whole import. The
/// connection and each account are found or created in one step each, so imports at once make one of each. An import
/// that fails part-way keeps the batches it wrote; importing the file again skips them and adds the rest.
struct ImportFromFileHandler: ImportFromFileHandling {
    let connectionRepository: any ProviderConnectionRepository
    let accountRepository: any AccountRepository
    let transactionRepository: any TransactionRepository
    let providerRepository: any ProviderRepository
    let providerFactory: any ProviderFactory
    let clock: any WallClock
    let events: ImportFromFileEvents

    /// Statements larger than this are refused: the limit the spec sets on the route that receives them, so that
    /// what the route lets in is what the handler takes.
    static let maximumFileSize = ImportFromFile.httpRoute.maximumBodySize!
    static let maximumAccounts = 100
    static let maximumTransactions = 20_000
    static let batchSize = 500

    func handle(_ command: ImportFromFile) async -> Result<ImportResult, OperationError> {
        // The format as given, else from the file name's extension, whatever its case.
        let extensionText = command.fileName.split(separator: ".", omittingEmptySubsequences: false).dropFirst().last
        guard let format = command.fileFormat ?? extensionText.flatMap({ ImportFileFormat(rawValue: $0.lowercased()) }) else {
            let formats = ImportFileFormat.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(OperationError(
                .unsupportedFormat,
                message: "Say the file's format (\(formats)), or give a file name with that extension."))
        }
        let attempted = FileImportAttempted(
            userId: command.userId, providerSlug: command.providerSlug, fileName: command.fileName,
            fileFormat: format.rawValue)
        return await events.fileImport(attempted) {
            guard !command.fileContent.isEmpty, command.fileContent.count <= Self.maximumFileSize else {
                return .failure(OperationError(
                    .invalidFile, message: "The file is empty or larger than \(Self.maximumFileSize >> 20) MiB."))
            }
            guard let provider = try await providerRepository.find(slug: command.providerSlug) else {
                return .failure(OperationError(.providerNotFound, message: "Unknown provider '\(command.providerSlug)'."))
            }
            let statement: ParsedStatement
            do {
                statement = try providerFactory.provider(slug: provider.slug).parseStatement(command.fileContent, format: format)
            } catch {
                return .failure(OperationError(.invalidFile, message: "The file could not be read: \(error)"))
            }
            let transactionCount = statement.transactions.values.reduce(0) { $0 + $1.count }
            guard statement.accounts.count <= Self.maximumAccounts, transactionCount <= Self.maximumTransactions else {
                return .failure(OperationError(
                    .invalidFile,
                    message: "The file holds \(statement.accounts.count) accounts and \(transactionCount) transactions; "
                        + "import at most \(Self.maximumAccounts) accounts and \(Self.maximumTransactions) transactions at a time."))
            }
            let now = clock.now
            let connection = try await connectionRepository.firstOrInsert(ProviderConnection(
                id: UUID(), userId: command.userId, providerId: provider.id, providerSlug: provider.slug, alias: "File import",
                status: .active, credentials: nil, connectedAt: now, lastSyncAt: now, createdAt: now, updatedAt: now))
            var accountsCreated = 0, accountsUpdated = 0, transactionsCreated = 0, transactionsSkipped = 0
            for data in statement.accounts {
                let (account, inserted) = try await accountRepository.upsertBalances(Account(
                    id: UUID(), connectionId: connection.id, providerAccountId: data.providerAccountId,
                    accountNumberMasked: data.accountNumberMasked, name: data.name, accountType: data.accountType,
                    currency: data.currency, balance: data.balance, availableBalance: data.availableBalance, isActive: true,
                    lastSyncedAt: now, createdAt: now, updatedAt: now))
                if inserted { accountsCreated += 1 } else { accountsUpdated += 1 }
                let records = (statement.transactions[data.providerAccountId] ?? []).map { transaction in
                    TransactionRecord(
                        id: UUID(), accountId: account.id, providerTransactionId: transaction.providerTransactionId,
                        transactionType: transaction.transactionType, subtype: transaction.subtype, status: transaction.status,
                        amount: transaction.amount, currency: account.currency, description: transaction.description,
                        assetType: transaction.assetType, symbol: transaction.symbol, securityName: transaction.securityName,
                        quantity: transaction.quantity, unitPrice: transaction.unitPrice, commission: transaction.commission,
                        transactionDate: transaction.transactionDate, settlementDate: transaction.settlementDate,
                        createdAt: now, updatedAt: now)
                }
                for start in stride(from: 0, to: records.count, by: Self.batchSize) {
                    let batch = Array(records[start..<min(start + Self.batchSize, records.count)])
                    let inserted = try await transactionRepository.insertNew(batch)
                    transactionsCreated += inserted
                    transactionsSkipped += batch.count - inserted
                }
                events.publish(FileImportProgress(
                    userId: command.userId, providerSlug: command.providerSlug, fileName: command.fileName,
                    fileFormat: format.rawValue, account: data.providerAccountId,
                    accountsDone: accountsCreated + accountsUpdated, accountsTotal: statement.accounts.count))
            }
            return .success(ImportResult(
                connectionId: connection.id, accountsCreated: accountsCreated, accountsUpdated: accountsUpdated,
                transactionsCreated: transactionsCreated, transactionsSkipped: transactionsSkipped,
                message: "Imported \(command.fileName): \(transactionsCreated) transactions, \(transactionsSkipped) already present."))
        }
    }
}
