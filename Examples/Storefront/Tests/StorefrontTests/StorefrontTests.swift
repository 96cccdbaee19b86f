import CQRS
import Foundation
import Testing

@testable import Catalog
import Orders

@Suite("Two feature modules side by side")
struct StorefrontTests {
    @Test("the same operation name in two modules names two types, each with its own registry")
    func sameNameTwoModules() {
        #expect(Catalog.GetSummary.metadata.handlerName == "CatalogSummaryHandler")
        #expect(Orders.GetSummary.metadata.handlerName == "OrdersSummaryHandler")
        #expect(Catalog.OperationRegistry.queries.map(\.name) == ["ListProducts", "GetSummary"])
        #expect(Orders.OperationRegistry.queries.map(\.name) == ["ListOrders", "GetSummary", "TallyRevenue"])
    }

    @Test("cursor pages walk the catalogue to its end")
    func cursorPages() async throws {
        let dependencies = CatalogDependencies()
        let factory = Catalog.HandlerFactory(request: dependencies, app: dependencies)
        for name in ["A", "B", "C"] {
            _ = try await AddProduct.handle(AddProduct(name: name, priceCents: 100), with: factory).get()
        }
        var cursor: String?
        var names: [String] = []
        repeat {
            let page = try await ListProducts.handle(ListProducts(after: cursor, first: 2), with: factory).get()
            names += page.products.map(\.name)
            cursor = page.nextCursor
        } while cursor != nil
        #expect(names == ["A", "B", "C"])
        let forged = await ListProducts.handle(ListProducts(after: "-4"), with: factory)
        #expect(forged.map { _ in "" } == .failure(OperationError(.invalidCursor, message: "The cursor is not one this service gave.")))
    }

    @Test("an Orders handler replaced through the overrides, from a module that cannot see the real one")
    func overrideAcrossModules() async throws {
        let dependencies = OrdersDependencies()
        var overrides = Orders.HandlerOverrides<OrdersDependencies, OrdersDependencies>()
        overrides.tallyRevenue = { _ in FixedRevenue(cents: 42) }
        let factory = Orders.HandlerFactory(request: dependencies, app: dependencies, overrides: overrides)
        #expect(try await TallyRevenue.handle(TallyRevenue(), with: factory).get() == 42)
        let order = try await PlaceOrder.handle(PlaceOrder(productId: UUID(), unitPriceCents: 300), with: factory).get()
        try await CancelOrder.handle(CancelOrder(orderId: order), with: factory).get()
        let again = await CancelOrder.handle(CancelOrder(orderId: order), with: factory)
        #expect(again.map { "" } == .failure(OperationError(.alreadyCancelled, message: "The order is already cancelled.")))
    }
}

struct FixedRevenue: TallyRevenueHandling {
    var cents: Int
    func handle(_ query: TallyRevenue) async -> Result<Int, OperationError> { .success(cents) }
}
