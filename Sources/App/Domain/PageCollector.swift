/// One pass over every matching row of a list, keeping only the rows of the page asked for: what a paginated query
/// folds its rows into, beside the totals it counts over all of them, so that the page is bounded whatever the
/// number of rows.
struct PageCollector<Item: Sendable>: Sendable {
    let limit: Int
    let offset: Int
    private(set) var items: [Item] = []
    /// How many rows were added: every matching one.
    private(set) var total = 0
    /// The row just before the page, and the one just after it, for a change measured across the page's edge.
    private(set) var before: Item?
    private(set) var after: Item?

    init(limit: Int, offset: Int) {
        self.limit = limit
        self.offset = offset
    }

    mutating func add(_ item: Item) {
        if total < offset {
            before = item
        } else if items.count < limit {
            items.append(item)
        } else if total == offset + limit {
            after = item
        }
        total += 1
    }

    var hasMore: Bool { offset + items.count < total }
}
