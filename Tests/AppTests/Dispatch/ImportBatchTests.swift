import CQRS
import Foundation
import Synchronization
import Testing

@testable import App

/// A large import lets other writers in: it writes its transactions in batches, each committed on its own, and it is
/// bounded.
@Suite("Imports in batches")
struct ImportBatchTests {
    final class BatchLog: Sendable {
        let entries = Mutex<[(size: Int, writerFree: Bool)]>([])
    }

    /// The real repository, noting after each batch how large it was and whether the database's writer was free.
    struct ObservedTransactions: TransactionRepository {
        let base: SQLTransactionRepository
        /// SQLite's writer lock; PostgreSQL has none, and lets other writers in whatever a batch does.
        let writerLock: WriterLock?
        let log: BatchLog

        func find(id: UUID) async throws -> TransactionRecord? { try await base.find(id: id) }
        func find(accountId: UUID, providerTransactionId: String) async throws -> TransactionRecord? {
            try await base.find(accountId: accountId, providerTransactionId: providerTransactionId)
        }
        func list(accountId: UUID, filter: TransactionFilter, limit: Int?, offset: Int) async throws -> TransactionPage {
            try await base.list(accountId: accountId, filter: filter, limit: limit, offset: offset)
        }
        func save(_ transaction: TransactionRecord) async throws { try await base.save(transaction) }
        func insertNew(_ transactions: [TransactionRecord]) async throws -> Int {
            let inserted = try await base.insertNew(transactions)
            let free = !(writerLock?.isHeld ?? false)
            log.entries.withLock { $0.append((transactions.count, free)) }
            return inserted
        }
    }

    static func csv(rows: Int) -> Data {
        var text = "date,description,amount,id\n"
        for row in 0..<rows { text += "2026-11-\(String(format: "%02d", row % 28 + 1)),Row \(row),-1.00,R\(row)\n" }
        return Data(text.utf8)
    }

    @Test("1,200 rows are written as 500, 500 and 200, with the writer free after each; a second import skips them all")
    func batches() async throws {
        let log = BatchLog()
        var overrides = Dispatcher.Overrides()
        overrides.importFromFile = { factory in
            let session = (factory.request.transactionRepository as! SQLTransactionRepository).session
            return ImportFromFileHandler(
                connectionRepository: factory.request.connectionRepository, accountRepository: factory.request.accountRepository,
                transactionRepository: ObservedTransactions(
                    base: SQLTransactionRepository(session: session), writerLock: session.database.writerLock, log: log),
                providerRepository: factory.request.providerRepository, providerFactory: factory.app.providerFactory,
                clock: factory.app.clock, events: ImportFromFileEvents(factory.events))
        }
        let fixture = try await ServerFixture.make(overrides: overrides)
        defer { fixture.removeFiles() }
        let dispatcher = fixture.environment.dispatcher, database = fixture.environment.database
        let userId = try await dispatcher.run(RegisterUser(email: "ada@example.com", password: "Str0ng!pass"), on: database.session()).get()
        let command = ImportFromFile(userId: userId, providerSlug: "sandbox", fileContent: Self.csv(rows: 1_200), fileFormat: .csv, fileName: "big.csv")
        let first = try await dispatcher.run(command, on: database.session()).get()
        #expect(first.transactionsCreated == 1_200)
        #expect(log.entries.withLock { $0.map(\.size) } == [500, 500, 200])
        #expect(log.entries.withLock { $0.allSatisfy(\.writerFree) }, "each batch commits and lets go of the writer")
        let second = try await dispatcher.run(command, on: database.session()).get()
        #expect(second.transactionsCreated == 0)
        #expect(second.transactionsSkipped == 1_200)
        #expect(second.accountsUpdated == 1)
        #expect(try await fixture.count("transactions") == 1_200)
        #expect(try await fixture.count("accounts") == 1)
    }

    @Test("a statement over the bounds is refused before anything is written")
    func bounds() async throws {
        let app = TestApplication()
        let userId = try await app.verifiedUser()
        let rows = ImportFromFileHandler.maximumTransactions + 1
        let result = await app.handlers().importFromFileHandler().handle(ImportFromFile(
            userId: userId, providerSlug: "sandbox", fileContent: Self.csv(rows: rows), fileFormat: .csv, fileName: "huge.csv"))
        #expect(result.failureCode == .invalidFile)
        #expect(result.failureMessage == "The file holds 1 accounts and \(rows) transactions; import at most 100 accounts and 20000 transactions at a time.")
        #expect(await app.transactions.transactions.isEmpty)
        let tooLarge = await app.handlers().importFromFileHandler().handle(ImportFromFile(
            userId: userId, providerSlug: "sandbox", fileContent: Data(count: ImportFromFileHandler.maximumFileSize + 1),
            fileFormat: .csv, fileName: "x.csv"))
        #expect(tooLarge.failureMessage == "The file is empty or larger than 5 MiB.")
    }
}
