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
    /// What a list of holdings folds into, one holding at a time: the page of those that `includes` lists, their
    /// count, how many are active, and their totals per currency.
    struct Tally: Sendable {
        var page: PageCollector<HoldingRecord>
        let includes: @Sendable (HoldingRecord) -> Bool
        var active = 0
        var marketValue = CurrencyTotals(), costBasis = CurrencyTotals(), unrealized = CurrencyTotals()

        init(limit: Int, offset: Int, includes: @escaping @Sendable (HoldingRecord) -> Bool) {
            page = PageCollector(limit: limit, offset: offset)
            self.includes = includes
        }

        mutating func add(_ holding: HoldingRecord) {
            guard includes(holding) else { return }
            page.add(holding)
            if holding.isActive { active += 1 }
            marketValue.add(holding.marketValue, in: holding.currency)
            costBasis.add(holding.costBasis, in: holding.currency)
            unrealized.add(holding.unrealizedGainLoss, in: holding.currency)
        }
    }

    init(_ tally: Tally) {
        self.init(
            holdings: tally.page.items.map(\.listItem), totalCount: tally.page.total, hasMore: tally.page.hasMore,
            activeCount: tally.active, totalMarketValueByCurrency: tally.marketValue.text,
            totalCostBasisByCurrency: tally.costBasis.text, totalUnrealizedGainLossByCurrency: tally.unrealized.text)
    }
}
