import CQRS
import Foundation

struct AddProductHandler: AddProductHandling {
    let productStore: ProductStore

    func handle(_ command: AddProduct) async -> Result<UUID, OperationError> {
        guard command.priceCents >= 0 else {
            return .failure(OperationError(.negativePrice, message: "A price cannot be negative."))
        }
        let product = Product(id: UUID(), name: command.name, priceCents: command.priceCents)
        await productStore.add(product)
        return .success(product.id)
    }
}

/// Cursors are positions in the catalogue, written as text so that callers treat them as opaque.
struct ListProductsHandler: ListProductsHandling {
    let productStore: ProductStore

    func handle(_ query: ListProducts) async -> Result<ProductPage, OperationError> {
        if let error = query.pageRequest.boundsError(maximumSize: ListProducts.metadata.pagination?.maximumPageSize ?? 1) {
            return .failure(error)
        }
        let start: Int
        if let after = query.after {
            guard let position = Int(after), position >= 0 else {
                return .failure(OperationError(.invalidCursor, message: "The cursor is not one this service gave."))
            }
            start = position
        } else {
            start = 0
        }
        let (page, hasMore) = await productStore.products(from: start, limit: query.first)
        return .success(ProductPage(products: page, nextCursor: hasMore ? String(start + page.count) : nil))
    }
}

struct CatalogSummaryHandler: GetSummaryHandling {
    let productStore: ProductStore

    func handle(_ query: GetSummary) async -> Result<CatalogSummary, OperationError> {
        .success(CatalogSummary(productCount: await productStore.count))
    }
}
