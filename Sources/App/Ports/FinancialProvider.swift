import CQRS
import Foundation

/// A financial data provider's client: what the sync and import handlers ask of it, given the connection's decrypted
/// credentials.
protocol FinancialProvider: Sendable {
    func fetchAccounts(credentials: Data) async throws -> [ProviderAccountData]
    func fetchTransactions(credentials: Data, providerAccountId: String, from: CalendarDate, to: CalendarDate) async throws
        -> [ProviderTransactionData]
    func fetchHoldings(credentials: Data, providerAccountId: String) async throws -> [ProviderHoldingData]
    /// Reads a statement file exported from the provider.
    func parseStatement(_ content: Data, format: ImportFileFormat) throws -> ParsedStatement
}

struct ProviderAccountData: Sendable, Hashable {
    var providerAccountId: String
    var name: String
    var accountNumberMasked: String
    var accountType: AccountType
    var currency: String
    var balance: Decimal
    var availableBalance: Decimal?
}

struct ProviderTransactionData: Sendable, Hashable {
    var providerTransactionId: String
    var transactionType: String
    var subtype: String
    var status: String
    var amount: Decimal
    var description: String
    var transactionDate: CalendarDate
    var settlementDate: CalendarDate?
    var symbol: String?
    var securityName: String?
    var assetType: String?
    var quantity: Decimal?
    var unitPrice: Decimal?
    var commission: Decimal?
}

struct ProviderHoldingData: Sendable, Hashable {
    var providerHoldingId: String
    var symbol: String
    var securityName: String
    var assetType: String
    var quantity: Decimal
    var costBasis: Decimal
    var marketValue: Decimal
    var currentPrice: Decimal?
    var currency: String
}

/// The accounts and transactions a statement file holds.
struct ParsedStatement: Sendable, Hashable {
    var accounts: [ProviderAccountData]
    /// Transactions by the provider account id they belong to.
    var transactions: [String: [ProviderTransactionData]]
}

/// Why a provider call failed, in words for the sync or import result.
struct ProviderError: Error, Sendable, Hashable, CustomStringConvertible {
    var message: String
    var description: String { message }
}
