/// A value kept behind one reference, so that copying it costs one retain however many parts it has, and changed
/// by replacing it (copy on write).
///
/// A spec holds thousands of operations and fields that every validation rule and every renderer walks; as plain
/// structs each copy retained every string and array inside, which cost more than the work done with them.
struct Shared<Value: Hashable & Sendable>: Hashable, Sendable {
    private final class Box: Sendable {
        let value: Value

        init(_ value: Value) {
            self.value = value
        }
    }

    private var box: Box

    init(_ value: Value) {
        box = Box(value)
    }

    var value: Value {
        get { box.value }
        set { box = Box(newValue) }
    }

    static func == (lhs: Shared, rhs: Shared) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(box.value)
    }

    /// Whether both hold the very same value, not merely equal ones.
    func isShared(with other: Shared) -> Bool {
        box === other.box
    }
}
