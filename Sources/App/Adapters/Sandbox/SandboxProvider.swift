import Foundation

/// The provider the App ships for trying it out, as payment and banking APIs offer a sandbox: no network, and the
/// same data for everyone, so that a sync can be run, repeated and tested. Its accounts, transactions and holdings
/// are computed from the calendar, not stored: a sync of the same days always returns the same rows.
///
/// Credentials are whatever the user connected with; the text `sandbox-fail` makes every call fail, to try the
/// failure paths.
struct SandboxProvider: FinancialProvider {
    static let slug = "sandbox"
    static let name = "Sandbox Bank (test data)"
    static let failingCredentials = Data("sandbox-fail".utf8)

    func fetchAccounts(credentials: Data) async throws -> [ProviderAccountData] {
        try check(credentials)
        return [
            ProviderAccountData(
                providerAccountId: "SBX-CHK-001", name: "Sandbox Checking", accountNumberMasked: "****0001",
                accountType: .checking, currency: "USD", balance: Decimal(string: "2543.17")!, availableBalance: Decimal(string: "2493.17")!),
            ProviderAccountData(
                providerAccountId: "SBX-SAV-002", name: "Sandbox Savings", accountNumberMasked: "****0002",
                accountType: .savings, currency: "USD", balance: Decimal(string: "10250.00")!, availableBalance: nil),
            ProviderAccountData(
                providerAccountId: "SBX-BRK-003", name: "Sandbox Brokerage", accountNumberMasked: "****0003",
                accountType: .brokerage, currency: "USD", balance: Decimal(string: "15872.40")!, availableBalance: nil),
        ]
    }

    /// One transaction every day for checking (alternating card payments and a deposit on the 1st and 15th), one a
    /// month for savings (interest), and a purchase on the 10th for the brokerage account.
    func fetchTransactions(credentials: Data, providerAccountId: String, from: CalendarDate, to: CalendarDate) async throws
        -> [ProviderTransactionData]
    {
        try check(credentials)
        guard from <= to else { return [] }
        var transactions: [ProviderTransactionData] = []
        var day = from
        // A sync asks for weeks, not decades; the bound keeps a wild range from building millions of rows.
        for _ in 0..<3_660 where day <= to {
            defer { day = day.adding(days: 1) }
            if let transaction = Self.transaction(on: day, account: providerAccountId) { transactions.append(transaction) }
        }
        return transactions
    }

    func fetchHoldings(credentials: Data, providerAccountId: String) async throws -> [ProviderHoldingData] {
        try check(credentials)
        guard providerAccountId == "SBX-BRK-003" else { return [] }
        return [
            ProviderHoldingData(
                providerHoldingId: "SBX-H-VTI", symbol: "VTI", securityName: "Vanguard Total Stock Market ETF", assetType: "etf",
                quantity: 40, costBasis: Decimal(string: "8400.00")!, marketValue: Decimal(string: "10872.40")!,
                currentPrice: Decimal(string: "271.81")!, currency: "USD"),
            ProviderHoldingData(
                providerHoldingId: "SBX-H-AAPL", symbol: "AAPL", securityName: "Apple Inc.", assetType: "equity",
                quantity: 25, costBasis: Decimal(string: "4100.00")!, marketValue: Decimal(string: "5000.00")!,
                currentPrice: Decimal(string: "200.00")!, currency: "USD"),
        ]
    }

    func parseStatement(_ content: Data, format: ImportFileFormat) throws -> ParsedStatement {
        switch format {
        case .csv: try CSVStatement.parse(content)
        case .ofx, .qfx: try OFXStatement.parse(content)
        }
    }

    private func check(_ credentials: Data) throws {
        if credentials == Self.failingCredentials {
            throw ProviderError(message: "the sandbox refused these credentials, as asked")
        }
    }

    private static func transaction(on day: CalendarDate, account: String) -> ProviderTransactionData? {
        let id = "\(account)-\(day.iso8601)"
        switch account {
        case "SBX-CHK-001":
            if day.day == 1 || day.day == 15 {
                return ProviderTransactionData(
                    providerTransactionId: id, transactionType: "deposit", subtype: "payroll", status: "settled",
                    amount: Decimal(string: "2100.00")!, description: "Sandbox Employer payroll", transactionDate: day)
            }
            // Amounts vary with the day, deterministically: 3.25 to 81.25.
            let cents = 325 + ((day.day * 37 + day.month * 11) % 79) * 100
            return ProviderTransactionData(
                providerTransactionId: id, transactionType: "withdrawal", subtype: "card", status: "settled",
                amount: -Decimal(cents) / 100, description: ["Coffee", "Groceries", "Transit", "Books"][day.day % 4],
                transactionDate: day)
        case "SBX-SAV-002" where day.day == 28:
            return ProviderTransactionData(
                providerTransactionId: id, transactionType: "income", subtype: "interest", status: "settled",
                amount: Decimal(string: "17.08")!, description: "Interest", transactionDate: day)
        case "SBX-BRK-003" where day.day == 10:
            return ProviderTransactionData(
                providerTransactionId: id, transactionType: "trade", subtype: "buy", status: "settled",
                amount: Decimal(string: "-543.62")!, description: "Buy VTI", transactionDate: day, symbol: "VTI",
                securityName: "Vanguard Total Stock Market ETF", assetType: "etf", quantity: 2,
                unitPrice: Decimal(string: "271.81")!)
        default:
            return nil
        }
    }
}

/// Resolves providers by slug: the App ships only the sandbox.
struct SandboxProviderFactory: ProviderFactory {
    func provider(slug: String) throws -> any FinancialProvider {
        guard slug == SandboxProvider.slug else { throw ProviderError(message: "unknown provider '\(slug)'") }
        return SandboxProvider()
    }
}
