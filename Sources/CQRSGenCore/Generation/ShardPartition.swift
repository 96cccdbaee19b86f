/// The spec's items split among the configuration's `outputShards` once for a whole generation, so that each of the
/// many parts takes its own slice: filtering in every part instead would hash each name once per shard for every
/// kind of file, N times the work the split is meant to spare.
struct ShardPartition: Sendable {
    /// For each kind of item, for each shard (the first at 0), the positions of its items, in spec order. An
    /// output in one piece has no shards, and holds none: each file takes the spec's lists whole.
    let types: [[Int]]
    let events: [[Int]]
    let commands: [[Int]]
    let queries: [[Int]]
    /// Positions in the commands followed by the queries, as `SpecIndex.operations` holds them.
    let operations: [[Int]]

    init(_ spec: Spec, count: Int) {
        guard count > 1 else {
            (types, events, commands, queries, operations) = ([], [], [], [], [])
            return
        }
        types = Self.split(spec.types.lazy.map(\.name), count: count)
        events = Self.split(spec.events.lazy.map(\.name), count: count)
        commands = Self.split(spec.commands.lazy.map(\.name), count: count)
        queries = Self.split(spec.queries.lazy.map(\.name), count: count)
        let commandCount = spec.commands.count
        operations = zip(commands, queries).map { commands, queries in commands + queries.map { $0 + commandCount } }
    }

    /// The positions of `names` by the shard each hashes to.
    static func split(_ names: some Collection<String>, count: Int) -> [[Int]] {
        var shards = Array(repeating: [Int](), count: count)
        for (position, name) in names.enumerated() {
            shards[OutputPart.shard(of: name, count: count) - 1].append(position)
        }
        return shards
    }
}
