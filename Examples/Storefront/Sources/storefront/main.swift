import CQRS
import Catalog
import Orders

// Two feature modules, each with its own generated code: their names are qualified by module where both declare
// one (GetSummary, HandlerFactory).

let catalog = CatalogDependencies()
let catalogFactory = Catalog.HandlerFactory(request: catalog, app: catalog)
let orders = OrdersDependencies()
let ordersFactory = Orders.HandlerFactory(request: orders, app: orders)

let kettle = try await AddProduct.handle(AddProduct(name: "Kettle", priceCents: 2_500), with: catalogFactory).get()
_ = try await AddProduct.handle(AddProduct(name: "Teapot", priceCents: 1_800), with: catalogFactory).get()
_ = try await PlaceOrder.handle(PlaceOrder(productId: kettle, quantity: 2, unitPriceCents: 2_500), with: ordersFactory).get()

let firstPage = try await ListProducts.handle(ListProducts(first: 1), with: catalogFactory).get()
print("First page:", firstPage.products.map(\.name), "next cursor:", firstPage.nextCursor ?? "none")
let products = try await Catalog.GetSummary.handle(Catalog.GetSummary(), with: catalogFactory).get()
let sales = try await Orders.GetSummary.handle(Orders.GetSummary(), with: ordersFactory).get()
print("\(products.productCount) products; \(sales.orderCount) orders worth \(sales.revenueCents) cents")
