import SQLKit

/// How rows map to records: each column is named after the record's property in snake_case, and a nil is written
/// as NULL (sql-kit's default leaves the column out, which an upsert would read as "keep the old value"). The
/// record's own declaration is the only list of its columns besides the migration that creates them.
enum StoredRow {
    static let encoder = SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
    static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)
}

extension SQLDatabase {
    /// Inserts a row, or updates the row with the same key in place. (`INSERT OR REPLACE` would delete that row
    /// first, and with it, through the foreign keys, every row that belongs to it.)
    func upsert(_ row: some Encodable & Sendable, into table: String, key: [String] = ["id"]) async throws {
        try await insert(into: table).model(row, with: StoredRow.encoder)
            .onConflict(with: key) { try $0.set(excludedContentOf: row, with: StoredRow.encoder) }
            .run()
    }

    /// The first row of `query`, as a record.
    func first<Record: Decodable>(_ type: Record.Type, _ query: SQLQueryString) async throws -> Record? {
        try await raw(query).first(decoding: Record.self, with: StoredRow.decoder)
    }

    /// Every row of `query`, as records.
    func all<Record: Decodable>(_ type: Record.Type, _ query: SQLQueryString) async throws -> [Record] {
        try await raw(query).all(decoding: Record.self, with: StoredRow.decoder)
    }

    /// The column named `value` of the first row of `query`: a count, an existence.
    func scalar<Value: Decodable>(_ type: Value.Type, _ query: SQLQueryString) async throws -> Value? {
        try await raw(query).first()?.decode(column: "value", as: Value.self)
    }

    /// How many rows a statement that ends in `RETURNING` one column gave back: the rows it changed.
    func changedRows(_ query: SQLQueryString) async throws -> Int {
        try await raw(query).all().count
    }
}
