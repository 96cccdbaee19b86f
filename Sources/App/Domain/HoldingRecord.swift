import CQRS
import Foundation

/// A position in a security, held in an investment account.
struct HoldingRecord: Sendable, Hashable, Codable {
    var id: UUID
    var accountId: UUID
    var providerHoldingId: String
    var symbol: String
    var securityName: String
    var assetType: String
    var quantity: Decimal
    var costBasis: Decimal
    var marketValue: Decimal
    var currency: String
    var currentPrice: Decimal?
    var isActive: Bool
    var lastSyncedAt: Date?
    var createdAt: Date
    var updatedAt: Date

    var averagePrice: Decimal? { quantity == 0 ? nil : costBasis / quantity }
    var unrealizedGainLoss: Decimal { marketValue - costBasis }
    var unrealizedGainLossPercent: Decimal? { costBasis == 0 ? nil : unrealizedGainLoss / costBasis * 100 }

    var detail: HoldingDetailResult {
        HoldingDetailResult(
            id: id, accountId: accountId, providerHoldingId: providerHoldingId, symbol: symbol, securityName: securityName,
            assetType: assetType, quantity: quantity, costBasis: costBasis, costBasisCurrency: currency,
            marketValue: marketValue, marketValueCurrency: currency, averagePrice: averagePrice,
            averagePriceCurrency: averagePrice == nil ? nil : currency, currentPrice: currentPrice,
            currentPriceCurrency: currentPrice == nil ? nil : currency, unrealizedGainLoss: unrealizedGainLoss,
            unrealizedGainLossCurrency: currency, unrealizedGainLossPercent: unrealizedGainLossPercent, isActive: isActive,
            isProfitable: unrealizedGainLoss > 0, lastSyncedAt: lastSyncedAt, createdAt: createdAt, updatedAt: updatedAt)
    }

    var listItem: HoldingResult {
        HoldingResult(
            id: id, accountId: accountId, providerHoldingId: providerHoldingId, symbol: symbol, securityName: securityName,
            assetType: assetType, quantity: quantity, costBasis: costBasis, marketValue: marketValue, currency: currency,
            averagePrice: averagePrice, currentPrice: currentPrice, unrealizedGainLoss: unrealizedGainLoss,
            unrealizedGainLossPercent: unrealizedGainLossPercent, isActive: isActive, isProfitable: unrealizedGainLoss > 0,
            lastSyncedAt: lastSyncedAt, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension HoldingListResult {
    init(_ holdings: [HoldingRecord]) {
        self.init(
            holdings: holdings.map(\.listItem), totalCount: holdings.count, activeCount: holdings.count(where: \.isActive),
            totalMarketValueByCurrency: CurrencyTotals.of(holdings.map { ($0.currency, $0.marketValue) }),
            totalCostBasisByCurrency: CurrencyTotals.of(holdings.map { ($0.currency, $0.costBasis) }),
            totalUnrealizedGainLossByCurrency: CurrencyTotals.of(holdings.map { ($0.currency, $0.unrealizedGainLoss) }))
    }
}
