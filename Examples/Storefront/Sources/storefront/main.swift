import CQRS
import Catalog
import Orders

// Two feature modules, each with its own generated code: their names are qualified by module where both declare
// one (GetSummary, HandlerFactory, OperationCategory). Each module's operations run through a dispatcher typed by
// that module's categories; the generated `run` of each module applies to its own.

/// What the dispatchers publish to. These handlers record no events, so nothing is printed.
struct PrintingPublisher: EventPublisher {
    struct Event: NamedEvent { var eventName: String }
    func publish(_ envelope: EventEnvelope<Event>) async throws {
        print("  published \(envelope.event.eventName)")
    }
}

let catalog = CatalogDependencies()
let catalogDispatcher = OperationDispatcher<Catalog.OperationCategory, PrintingPublisher.Event>(
    publisher: PrintingPublisher())
let orders = OrdersDependencies()
let ordersDispatcher = OperationDispatcher<Orders.OperationCategory, PrintingPublisher.Event>(
    publisher: PrintingPublisher())
let context = OperationContext(correlationId: "storefront-demo")

func inCatalog<C: Catalog.DispatchableCommand>(_ command: C) async throws -> C.Output {
    try await catalogDispatcher.run(command, context: context, unitOfWork: NoUnitOfWork()) { _ in
        Catalog.HandlerFactory(request: catalog, app: catalog)
    }.get()
}

func inCatalog<Q: Catalog.DispatchableQuery>(_ query: Q) async throws -> Q.Output {
    try await catalogDispatcher.run(query, context: context) { _ in
        Catalog.HandlerFactory(request: catalog, app: catalog)
    }.get()
}

func inOrders<C: Orders.DispatchableCommand>(_ command: C) async throws -> C.Output {
    try await ordersDispatcher.run(command, context: context, unitOfWork: NoUnitOfWork()) { _ in
        Orders.HandlerFactory(request: orders, app: orders)
    }.get()
}

func inOrders<Q: Orders.DispatchableQuery>(_ query: Q) async throws -> Q.Output {
    try await ordersDispatcher.run(query, context: context) { _ in
        Orders.HandlerFactory(request: orders, app: orders)
    }.get()
}

let kettle = try await inCatalog(AddProduct(name: "Kettle", priceCents: 2_500))
_ = try await inCatalog(AddProduct(name: "Teapot", priceCents: 1_800))
_ = try await inOrders(PlaceOrder(productId: kettle, quantity: 2, unitPriceCents: 2_500))

let firstPage = try await inCatalog(ListProducts(first: 1))
print("First page:", firstPage.products.map(\.name), "next cursor:", firstPage.nextCursor ?? "none")
let products = try await inCatalog(Catalog.GetSummary())
let sales = try await inOrders(Orders.GetSummary())
print("\(products.productCount) products; \(sales.orderCount) orders worth \(sales.revenueCents) cents")
