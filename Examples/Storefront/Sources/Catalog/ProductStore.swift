import Foundation

/// Products in memory, in the order they were added: the Catalog's `ProductStore` dependency.
package actor ProductStore {
    private var products: [Product] = []

    package init() {}

    func add(_ product: Product) { products.append(product) }

    /// Up to `limit` products after position `start`.
    func products(from start: Int, limit: Int) -> (page: [Product], hasMore: Bool) {
        let page = Array(products.dropFirst(start).prefix(limit))
        return (page, start + page.count < products.count)
    }

    var count: Int { products.count }
}

/// The Catalog's dependency scopes.
package struct CatalogDependencies: RequestDependencies, AppDependencies {
    package let productStore: ProductStore

    package init(productStore: ProductStore = ProductStore()) {
        self.productStore = productStore
    }
}
