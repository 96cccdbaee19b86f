import CQRS
import Foundation

/// A financial account synced from a provider or imported from a file.
struct Account: Sendable, Hashable, Codable {
    var id: UUID
    var connectionId: UUID
    var providerAccountId: String
    var accountNumberMasked: String
    var name: String
    var accountType: AccountType
    var currency: String
    var balance: Decimal
    var availableBalance: Decimal?
    var isActive: Bool
    var lastSyncedAt: Date?
    var createdAt: Date
    var updatedAt: Date

    var result: AccountResult {
        AccountResult(
            id: id, connectionId: connectionId, providerAccountId: providerAccountId,
            accountNumberMasked: accountNumberMasked, name: name, accountType: accountType.rawValue, currency: currency,
            balanceAmount: balance, balanceCurrency: currency, availableBalanceAmount: availableBalance,
            availableBalanceCurrency: availableBalance == nil ? nil : currency, isActive: isActive,
            isInvestment: accountType.isInvestment, isBank: accountType.isBank, isRetirement: accountType.isRetirement,
            isCredit: accountType.isCredit, lastSyncedAt: lastSyncedAt, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension AccountType {
    var isInvestment: Bool { [.brokerage, .ira, .rothIRA, .plan401k, .plan403b, .hsa].contains(self) }
    var isRetirement: Bool { [.ira, .rothIRA, .plan401k, .plan403b].contains(self) }
    var isBank: Bool { [.checking, .savings, .moneyMarket, .cd].contains(self) }
    var isCredit: Bool { [.creditCard, .lineOfCredit, .loan, .mortgage].contains(self) }
}

/// Sums of amounts per currency, as the decimal text Dashtam's list results carry.
/// Amounts summed per currency, one amount at a time; written as decimal text.
struct CurrencyTotals: Sendable {
    private var totals: [String: Decimal] = [:]

    mutating func add(_ amount: Decimal, in currency: String) {
        totals[currency, default: 0] += amount
    }

    var text: [String: String] { totals.mapValues { "\($0)" } }
}
