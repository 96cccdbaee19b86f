/// Finds repeats: each element whose key an earlier element already had, paired with that first element. Several
/// rules report "X is declared/listed twice" with a note at the first; this is their one way of finding them.
enum Duplicates {
    static func of<Element, Key: Hashable>(
        _ elements: some Sequence<Element>, by key: (Element) -> Key
    ) -> [(first: Element, repeated: Element)] {
        var first: [Key: Element] = [:]
        var repeats: [(first: Element, repeated: Element)] = []
        for element in elements {
            let key = key(element)
            if let earlier = first[key] {
                repeats.append((earlier, element))
            } else {
                first[key] = element
            }
        }
        return repeats
    }
}
