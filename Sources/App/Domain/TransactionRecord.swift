import CQRS
import Foundation

/// A transaction of an account.
struct TransactionRecord: Sendable, Hashable, Codable {
    var id: UUID
    var accountId: UUID
    var providerTransactionId: String
    var transactionType: String
    var subtype: String
    var status: String
    var amount: Decimal
    var currency: String
    var description: String
    var assetType: String?
    var symbol: String?
    var securityName: String?
    var quantity: Decimal?
    var unitPrice: Decimal?
    var commission: Decimal?
    var transactionDate: CalendarDate
    var settlementDate: CalendarDate?
    var createdAt: Date
    var updatedAt: Date

    var result: TransactionResult {
        TransactionResult(
            id: id, accountId: accountId, providerTransactionId: providerTransactionId, transactionType: transactionType,
            subtype: subtype, status: status, amountValue: amount, amountCurrency: currency, description: description,
            assetType: assetType, symbol: symbol, securityName: securityName, quantity: quantity, unitPriceAmount: unitPrice,
            unitPriceCurrency: unitPrice == nil ? nil : currency, commissionAmount: commission,
            commissionCurrency: commission == nil ? nil : currency, transactionDate: transactionDate,
            settlementDate: settlementDate, isTrade: transactionType == "trade", isTransfer: transactionType == "transfer",
            isIncome: transactionType == "income", isFee: transactionType == "fee", isDebit: amount < 0, isCredit: amount > 0,
            isSettled: status == "settled", createdAt: createdAt, updatedAt: updatedAt)
    }
}

/// One page of transactions and how many match in all.
struct TransactionPage: Sendable, Hashable {
    var transactions: [TransactionRecord]
    var totalCount: Int
}
