import Foundation

/// Where orders live: the Orders module's `OrderBook` dependency, a protocol other modules can implement.
public protocol OrderBook: Sendable {
    func add(_ order: Order) async
    func order(id: UUID) async -> Order?
    func replace(_ order: Order) async
    func all() async -> [Order]
}

/// Orders in memory.
public actor InMemoryOrderBook: OrderBook {
    private var orders: [Order] = []

    public init() {}

    public func add(_ order: Order) { orders.append(order) }
    public func order(id: UUID) -> Order? { orders.first { $0.id == id } }
    public func all() -> [Order] { orders }

    public func replace(_ order: Order) {
        guard let index = orders.firstIndex(where: { $0.id == order.id }) else { return }
        orders[index] = order
    }
}

/// The Orders module's dependency scopes.
public struct OrdersDependencies: RequestDependencies, AppDependencies {
    public let orderBook: any OrderBook

    public init(orderBook: any OrderBook = InMemoryOrderBook()) {
        self.orderBook = orderBook
    }
}
