/// Which part of a generated file a renderer writes: the whole of it, or, when the configuration's `outputShards`
/// splits it, either what its items share or one shard of its items.
///
/// An item (an operation, a type, an event) goes to the shard its name hashes to, never to one its position decides:
/// adding, removing or editing an item then changes its own shard and the shared file only, so that the compiler
/// redoes a bounded part, and a reviewer's diff stays as small as the change.
enum OutputPart: Hashable, Sendable {
    /// The file whole, as when it is not split.
    case whole
    /// What the file's items share: the header, the types and tables that name every item.
    case shared
    /// The items whose names hash to shard `number` (from 1) of `count`.
    case shard(Int, of: Int)

    /// Whether this part writes what a file's items share.
    var includesShared: Bool {
        if case .shard = self { return false }
        return true
    }

    /// The shard, from 1 to `count`, that the item named `name` belongs to: FNV-1a of its UTF-8 bytes, the same on
    /// every machine and in every release, as the committed output depends on it.
    static func shard(of name: String, count: Int) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return Int(hash % UInt32(count)) + 1
    }
}

extension GenerationContext {
    /// Whether the file being written includes what its items share.
    var rendersShared: Bool { part.includesShared }

    /// The declared types the file being written includes, in spec order.
    var renderedTypes: [TypeSpec] { rendered(spec.types, \.types) }
    /// The declared events the file being written includes, in spec order.
    var renderedEvents: [EventSpec] { rendered(spec.events, \.events) }
    /// The commands the file being written includes, in spec order.
    var renderedCommands: [OperationSpec] { rendered(spec.commands, \.commands) }
    /// The queries the file being written includes, in spec order.
    var renderedQueries: [OperationSpec] { rendered(spec.queries, \.queries) }
    /// The commands, then the queries, that the file being written includes.
    var renderedOperations: [OperationSpec] { rendered(index.operations, \.operations) }

    /// `items` whole, none of them, or the shard's slice that `partition` took once for the whole generation.
    private func rendered<Item>(_ items: [Item], _ slice: KeyPath<ShardPartition, [[Int]]>) -> [Item] {
        switch part {
        case .whole: return items
        case .shared: return []
        case .shard(let number, _): return partition[keyPath: slice][number - 1].map { items[$0] }
        }
    }

    /// The context for writing `part` of the file `name`.
    func writing(_ part: OutputPart, of name: String) -> GenerationContext {
        var context = self
        context.part = part
        context.fileName = name
        return context
    }
}
