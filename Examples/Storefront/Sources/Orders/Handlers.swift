import CQRS
import Foundation

struct PlaceOrderHandler: PlaceOrderHandling {
    let orderBook: any OrderBook

    func handle(_ command: PlaceOrder) async -> Result<UUID, OperationError> {
        guard command.quantity > 0 else {
            return .failure(OperationError(.invalidQuantity, message: "Order at least one."))
        }
        let (total, overflow) = command.quantity.multipliedReportingOverflow(by: command.unitPriceCents)
        guard !overflow, command.unitPriceCents >= 0 else {
            return .failure(OperationError(.invalidPrice, message: "The price is out of range."))
        }
        let order = Order(id: UUID(), productId: command.productId, quantity: command.quantity, totalCents: total, status: .placed)
        await orderBook.add(order)
        return .success(order.id)
    }
}

struct CancelOrderHandler: CancelOrderHandling {
    let orderBook: any OrderBook

    func handle(_ command: CancelOrder) async -> Result<Void, OperationError> {
        guard var order = await orderBook.order(id: command.orderId) else { return .failure(.notFound("order")) }
        guard order.status == .placed else {
            return .failure(OperationError(.alreadyCancelled, message: "The order is already cancelled."))
        }
        order = Order(id: order.id, productId: order.productId, quantity: order.quantity, totalCents: order.totalCents, status: .cancelled)
        await orderBook.replace(order)
        return .success(())
    }
}

struct ListOrdersHandler: ListOrdersHandling {
    let orderBook: any OrderBook

    func handle(_ query: ListOrders) async -> Result<[Order], OperationError> {
        if let error = query.pageRequest.boundsError(maximumSize: ListOrders.metadata.pagination?.maximumPageSize ?? 1) {
            return .failure(error)
        }
        return .success(Array(await orderBook.all().dropFirst(query.offset).prefix(query.limit)))
    }
}

struct OrdersSummaryHandler: GetSummaryHandling {
    let orderBook: any OrderBook

    func handle(_ query: GetSummary) async -> Result<OrdersSummary, OperationError> {
        let placed = await orderBook.all().filter { $0.status == .placed }
        return .success(OrdersSummary(orderCount: placed.count, revenueCents: placed.reduce(0) { $0 + $1.totalCents }))
    }
}

struct TallyRevenueHandler: TallyRevenueHandling {
    let orderBook: any OrderBook

    func handle(_ query: TallyRevenue) async -> Result<Int, OperationError> {
        .success(await orderBook.all().filter { $0.status == .placed }.reduce(0) { $0 + $1.totalCents })
    }
}
