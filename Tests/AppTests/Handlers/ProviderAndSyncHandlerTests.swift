import CQRS
import Foundation
import Testing

@testable import App

@Suite("Provider, sync and import handlers, and the data queries over what they store")
struct ProviderAndSyncHandlerTests {
    let app = TestApplication()

    /// A verified user connected to the sandbox provider, whose credentials are stored encrypted.
    func connectedUser() async throws -> (userId: UUID, connectionId: UUID) {
        let userId = try await app.verifiedUser()
        let credentials = ProviderCredentials(
            encryptedData: ReversingEncryption().encrypt(Data("sandbox-secret".utf8)), credentialType: "api_key")
        let connectionId = try await app.handlers().connectProviderHandler().handle(ConnectProvider(
            userId: userId, providerId: TestApplication.sandbox.id, providerSlug: "sandbox", credentials: credentials)).get()
        return (userId, connectionId)
    }

    func scriptAccounts(balance: Decimal) {
        app.provider.accounts.withLock {
            $0 = [
                ProviderAccountData(providerAccountId: "CHK", name: "Checking", accountNumberMasked: "****1234", accountType: .checking, currency: "USD", balance: balance),
                ProviderAccountData(providerAccountId: "BRK", name: "Brokerage", accountNumberMasked: "****9876", accountType: .brokerage, currency: "USD", balance: 10_000),
            ]
        }
    }

    @Test("connect, sync accounts twice, and see created, unchanged and changed balances")
    func syncAccounts() async throws {
        let (userId, connectionId) = try await connectedUser()
        let handlers = app.handlers()
        #expect(await handlers.connectProviderHandler().handle(ConnectProvider(
            userId: userId, providerId: TestApplication.sandbox.id, providerSlug: "sandbox",
            credentials: ProviderCredentials(encryptedData: Data([1]), credentialType: "api_key"))).failureCode == .alreadyConnected)

        scriptAccounts(balance: 100)
        let first = try await handlers.syncAccountsHandler().handle(SyncAccounts(connectionId: connectionId, userId: userId)).get()
        #expect((first.created, first.updated, first.unchanged) == (2, 0, 0))
        #expect(app.provider.receivedCredentials.withLock { $0 } == [Data("sandbox-secret".utf8)], "the provider gets decrypted credentials")

        #expect(await handlers.syncAccountsHandler().handle(SyncAccounts(connectionId: connectionId, userId: userId)).failureCode == .syncTooRecent)
        scriptAccounts(balance: 250)
        let before = await app.events.events.count
        let second = try await handlers.syncAccountsHandler().handle(SyncAccounts(connectionId: connectionId, userId: userId, force: true)).get()
        #expect((second.created, second.updated, second.unchanged) == (0, 1, 1))
        #expect(second.balanceChanges.map(\.previous) == [100])
        #expect(second.balanceChanges.map(\.current) == [250])
        let events = await app.events(after: before)
        #expect(events.map(\.name) == [.accountSyncAttempted, .accountBalanceUpdated, .accountSyncSucceeded])
        expectOnlyListedEvents(events, for: SyncAccounts.self)

        #expect(await handlers.syncAccountsHandler().handle(SyncAccounts(connectionId: connectionId, userId: UUID())).failureCode == .connectionNotFound)

        let accounts = try await handlers.listAccountsByConnectionHandler().handle(ListAccountsByConnection(connectionId: connectionId, userId: userId)).get()
        #expect(accounts.totalCount == 2)
        #expect(accounts.totalBalanceByCurrency == ["USD": "10250"])
        #expect(accounts.accounts.first { $0.name == "Brokerage" }?.isInvestment == true)
    }

    @Test("account lists are cached per user and filter, and another user's accounts stay invisible")
    func accountQueries() async throws {
        let (userId, connectionId) = try await connectedUser()
        scriptAccounts(balance: 100)
        let handlers = app.handlers()
        _ = try await handlers.syncAccountsHandler().handle(SyncAccounts(connectionId: connectionId, userId: userId)).get()

        let all = try await handlers.listAccountsByUserHandler().handle(ListAccountsByUser(userId: userId)).get()
        let again = try await handlers.listAccountsByUserHandler().handle(ListAccountsByUser(userId: userId)).get()
        #expect(all == again)
        #expect(app.metrics.count("account_list.miss") == 1)
        #expect(app.metrics.count("account_list.hit") == 1)
        let checking = try await handlers.listAccountsByUserHandler().handle(ListAccountsByUser(userId: userId, accountType: .checking)).get()
        #expect(checking.accounts.map(\.name) == ["Checking"])

        let accountId = try #require(all.accounts.first?.id)
        #expect(try await handlers.getAccountHandler().handle(GetAccount(accountId: accountId, userId: userId)).get().id == accountId)
        let stranger = try await app.verifiedUser(email: "eve@example.com")
        #expect(await handlers.getAccountHandler().handle(GetAccount(accountId: accountId, userId: stranger)).failureCode == .accountNotFound)
        #expect(try await handlers.listAccountsByUserHandler().handle(ListAccountsByUser(userId: stranger)).get().totalCount == 0)
        #expect(await handlers.listAccountsByConnectionHandler().handle(ListAccountsByConnection(connectionId: connectionId, userId: stranger)).failureCode == .connectionNotFound)
    }

    @Test("transactions sync by day range, then page through newest first")
    func transactions() async throws {
        let (userId, connectionId) = try await connectedUser()
        scriptAccounts(balance: 100)
        let handlers = app.handlers()
        _ = try await handlers.syncAccountsHandler().handle(SyncAccounts(connectionId: connectionId, userId: userId)).get()
        let today = CalendarDate(app.clock.now)
        app.provider.transactions.withLock {
            $0["CHK"] = (1...7).map { day in
                ProviderTransactionData(
                    providerTransactionId: "T\(day)", transactionType: day == 7 ? "fee" : "deposit", subtype: "", status: "settled",
                    amount: Decimal(day), description: "Day \(day)", transactionDate: today.adding(days: -day))
            } + [ProviderTransactionData(
                providerTransactionId: "OLD", transactionType: "deposit", subtype: "", status: "settled", amount: 1,
                description: "Too old", transactionDate: today.adding(days: -90))]
        }
        let synced = try await handlers.syncTransactionsHandler().handle(SyncTransactions(connectionId: connectionId, userId: userId, force: true)).get()
        #expect((synced.created, synced.accountsSynced) == (7, 2))
        let resynced = try await handlers.syncTransactionsHandler().handle(SyncTransactions(connectionId: connectionId, userId: userId, force: true)).get()
        #expect((resynced.created, resynced.unchanged) == (0, 7))
        #expect(await handlers.syncTransactionsHandler().handle(SyncTransactions(
            connectionId: connectionId, userId: userId, startDate: today, endDate: today.adding(days: -1), force: true)).failureCode == .invalidDateRange)

        let checking = try #require(await app.accounts.accounts.values.first { $0.providerAccountId == "CHK" })
        let page1 = try await handlers.listTransactionsByAccountHandler().handle(ListTransactionsByAccount(accountId: checking.id, userId: userId, limit: 3)).get()
        #expect(page1.transactions.map(\.providerTransactionId) == ["T1", "T2", "T3"])
        #expect(page1.totalCount == 7)
        #expect(page1.hasMore)
        let page3 = try await handlers.listTransactionsByAccountHandler().handle(ListTransactionsByAccount(accountId: checking.id, userId: userId, limit: 3, offset: 6)).get()
        #expect(page3.transactions.map(\.providerTransactionId) == ["T7"])
        #expect(!page3.hasMore)
        #expect(page3.transactions.first?.isFee == true)
        let fees = try await handlers.listTransactionsByAccountHandler().handle(ListTransactionsByAccount(accountId: checking.id, userId: userId, transactionType: "fee")).get()
        #expect(fees.totalCount == 1)

        let range = try await handlers.listTransactionsByDateRangeHandler().handle(ListTransactionsByDateRange(
            accountId: checking.id, userId: userId, startDate: today.adding(days: -3).start, endDate: today.adding(days: -2).start.addingTimeInterval(86_399))).get()
        #expect(range.transactions.map(\.providerTransactionId) == ["T2", "T3"])

        let transactionId = try #require(page1.transactions.first?.id)
        #expect(try await handlers.getTransactionHandler().handle(GetTransaction(transactionId: transactionId, userId: userId)).get().amountValue == 1)
        #expect(await handlers.getTransactionHandler().handle(GetTransaction(transactionId: transactionId, userId: UUID())).failureCode == .transactionNotFound)
    }

    @Test("holdings sync creates, updates and deactivates positions, only for investment accounts")
    func holdings() async throws {
        let (userId, connectionId) = try await connectedUser()
        scriptAccounts(balance: 100)
        let handlers = app.handlers()
        _ = try await handlers.syncAccountsHandler().handle(SyncAccounts(connectionId: connectionId, userId: userId)).get()
        let accounts = await app.accounts.accounts.values
        let brokerage = try #require(accounts.first { $0.providerAccountId == "BRK" })
        let checking = try #require(accounts.first { $0.providerAccountId == "CHK" })
        let position = { (symbol: String, quantity: Decimal) in
            ProviderHoldingData(providerHoldingId: symbol, symbol: symbol, securityName: symbol, assetType: "equity",
                                quantity: quantity, costBasis: quantity * 100, marketValue: quantity * 120, currentPrice: 120, currency: "USD")
        }
        app.provider.holdings.withLock { $0["BRK"] = [position("AAPL", 10), position("MSFT", 5)] }
        let first = try await handlers.syncHoldingsHandler().handle(SyncHoldings(accountId: brokerage.id, userId: userId, force: true)).get()
        #expect((first.created, first.updated, first.deactivated) == (2, 0, 0))
        app.provider.holdings.withLock { $0["BRK"] = [position("AAPL", 12)] }
        let second = try await handlers.syncHoldingsHandler().handle(SyncHoldings(accountId: brokerage.id, userId: userId, force: true)).get()
        #expect((second.created, second.updated, second.deactivated) == (0, 1, 1))
        expectOnlyListedEvents(await app.events.events.filter { $0.name.rawValue.contains("Holdings") }, for: SyncHoldings.self)
        #expect(await handlers.syncHoldingsHandler().handle(SyncHoldings(accountId: checking.id, userId: userId, force: true)).failureCode == .notInvestmentAccount)

        let active = try await handlers.listHoldingsByAccountHandler().handle(ListHoldingsByAccount(accountId: brokerage.id, userId: userId)).get()
        #expect(active.holdings.map(\.symbol) == ["AAPL"])
        #expect(active.totalMarketValueByCurrency == ["USD": "1440"])
        let all = try await handlers.listHoldingsByUserHandler().handle(ListHoldingsByUser(userId: userId, activeOnly: false)).get()
        #expect(all.totalCount == 2)
        #expect(all.activeCount == 1)
        let holdingId = try #require(active.holdings.first?.id)
        let detail = try await handlers.getHoldingHandler().handle(GetHolding(holdingId: holdingId, userId: userId)).get()
        #expect(detail.unrealizedGainLoss == 240)
        #expect(detail.isProfitable)
    }

    @Test("a CSV import creates the account and its transactions once, and skips them the second time")
    func importFile() async throws {
        let userId = try await app.verifiedUser()
        let handlers = app.handlers()
        let csv = Data("date,id,amount,description\n2024-01-02,A1,-12.50,Coffee\n2024-01-03,A2,1000,Salary\n".utf8)
        let command = ImportFromFile(userId: userId, providerSlug: "sandbox", fileContent: csv, fileFormat: .csv, fileName: "jan.csv")
        let first = try await handlers.importFromFileHandler().handle(command).get()
        #expect((first.accountsCreated, first.transactionsCreated, first.transactionsSkipped) == (1, 2, 0))
        let second = try await handlers.importFromFileHandler().handle(command).get()
        #expect((second.accountsUpdated, second.transactionsCreated, second.transactionsSkipped) == (1, 0, 2))
        #expect(first.connectionId == second.connectionId)
        let events = await app.events.events.filter { $0.name.rawValue.hasPrefix("FileImport") }
        #expect(events.map(\.name).contains(.fileImportProgress))
        expectOnlyListedEvents(events, for: ImportFromFile.self)

        #expect(await handlers.importFromFileHandler().handle(ImportFromFile(
            userId: userId, providerSlug: "unknown", fileContent: csv, fileFormat: .csv, fileName: "x.csv")).failureCode == .providerNotFound)
        #expect(await handlers.importFromFileHandler().handle(ImportFromFile(
            userId: userId, providerSlug: "sandbox", fileContent: Data("header\nbroken".utf8), fileFormat: .csv, fileName: "x.csv")).failureCode == .invalidFile)
        #expect(await handlers.importFromFileHandler().handle(ImportFromFile(
            userId: userId, providerSlug: "sandbox", fileContent: Data(), fileFormat: .csv, fileName: "x.csv")).failureCode == .invalidFile)
        // Without a format, the file name's extension says it, whatever its case; without either, it is refused.
        #expect(try await handlers.importFromFileHandler().handle(ImportFromFile(
            userId: userId, providerSlug: "sandbox", fileContent: csv, fileFormat: nil, fileName: "FEB.CSV")).get().transactionsSkipped == 2)
        #expect(await handlers.importFromFileHandler().handle(ImportFromFile(
            userId: userId, providerSlug: "sandbox", fileContent: csv, fileFormat: nil, fileName: "statement.pdf")).failureCode == .unsupportedFormat)
        #expect(await handlers.importFromFileHandler().handle(ImportFromFile(
            userId: userId, providerSlug: "sandbox", fileContent: csv, fileFormat: nil, fileName: "csv")).failureCode == .unsupportedFormat)
    }

    @Test("balance history: per account over a period, latest per account, and the most recent few")
    func balanceSnapshots() async throws {
        let (userId, connectionId) = try await connectedUser()
        scriptAccounts(balance: 100)
        let handlers = app.handlers()
        _ = try await handlers.syncAccountsHandler().handle(SyncAccounts(connectionId: connectionId, userId: userId)).get()
        let checking = try #require(await app.accounts.accounts.values.first { $0.providerAccountId == "CHK" })
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        for (day, balance) in [(0, 100), (1, 150), (2, 120)] {
            await app.snapshots.save(BalanceSnapshot(
                id: UUID(), accountId: checking.id, balance: Decimal(balance), availableBalance: nil, holdingsValue: nil,
                cashValue: nil, currency: "USD", source: "account_sync", capturedAt: start.addingTimeInterval(Double(day) * 86_400),
                createdAt: start))
        }
        let history = try await handlers.getBalanceHistoryHandler().handle(GetBalanceHistory(
            accountId: checking.id, userId: userId, startDate: start, endDate: start.addingTimeInterval(2 * 86_400))).get()
        #expect(history.snapshots.map(\.balance) == [100, 150, 120])
        #expect(history.snapshots.map(\.changeAmount) == [nil, 50, -30])
        #expect(history.totalChangeAmount == 20)
        #expect(history.currency == "USD")
        let recent = try await handlers.listBalanceSnapshotsByAccountHandler().handle(ListBalanceSnapshotsByAccount(accountId: checking.id, userId: userId, limit: 2)).get()
        #expect(recent.snapshots.map(\.balance) == [150, 120])
        let latest = try await handlers.getLatestBalanceSnapshotsHandler().handle(GetLatestBalanceSnapshots(userId: userId)).get()
        #expect(latest.snapshots.map(\.balance) == [120])
        let user = try await handlers.getUserBalanceHistoryHandler().handle(GetUserBalanceHistory(
            userId: userId, startDate: start, endDate: start.addingTimeInterval(86_400), source: "account_sync")).get()
        #expect(user.totalCount == 2)
        #expect(await handlers.getBalanceHistoryHandler().handle(GetBalanceHistory(
            accountId: checking.id, userId: UUID(), startDate: start, endDate: start)).failureCode == .accountNotFound)
    }

    @Test("disconnect forgets the credentials; refresh restores them; connections list and cache")
    func connectionLifecycle() async throws {
        let (userId, connectionId) = try await connectedUser()
        let handlers = app.handlers()
        let fetched = try await handlers.getProviderConnectionHandler().handle(GetProviderConnection(connectionId: connectionId, userId: userId)).get()
        #expect(fetched.isConnected)
        #expect(await handlers.getProviderConnectionHandler().handle(GetProviderConnection(connectionId: connectionId, userId: UUID())).failureCode == .connectionNotFound)
        try await handlers.disconnectProviderHandler().handle(DisconnectProvider(userId: userId, connectionId: connectionId)).get()
        #expect(await app.connections.connections[connectionId]?.credentials == nil)
        #expect(await handlers.disconnectProviderHandler().handle(DisconnectProvider(userId: userId, connectionId: connectionId)).failureCode == .alreadyDisconnected)
        #expect(await handlers.refreshProviderTokensHandler().handle(RefreshProviderTokens(
            connectionId: connectionId, credentials: ProviderCredentials(encryptedData: Data([1]), credentialType: "oauth"))).failureCode == .connectionInactive)
        let listed = try await handlers.listProviderConnectionsHandler().handle(ListProviderConnections(userId: userId)).get()
        #expect(listed.connections.map(\.status) == [.disconnected])
        #expect(listed.activeCount == 0)
        let active = try await handlers.listProviderConnectionsHandler().handle(ListProviderConnections(userId: userId, activeOnly: true)).get()
        #expect(active.totalCount == 0)
    }
}
