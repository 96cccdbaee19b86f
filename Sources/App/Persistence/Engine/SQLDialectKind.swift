import SQLKit

/// The two engines the App runs on, for the few places where their SQL differs: column types, how a transaction
/// begins, how insertion order is read.
enum SQLDialectKind: String, Sendable {
    case sqlite
    case postgres

    /// What ends a SELECT whose rows the same write then changes: PostgreSQL locks them until the write commits, so
    /// that no concurrent write comes between (outside the dispatcher's transactions, writes run at READ COMMITTED).
    /// SQLite's one writer already excludes every other.
    var lockingRead: SQLQueryString {
        switch self {
        case .sqlite: ""
        case .postgres: " FOR UPDATE"
        }
    }

    /// What ends a SELECT that claims rows other sessions may be claiming at the same time (the event outbox's):
    /// PostgreSQL locks them and passes over those another transaction holds, so that each goes to one claimer.
    /// SQLite's claimer holds the one writer, which already excludes every other.
    var claimingRead: SQLQueryString {
        switch self {
        case .sqlite: ""
        case .postgres: " FOR UPDATE SKIP LOCKED"
        }
    }

    /// The column that orders a table's rows as they were inserted, for tables where instants may tie (the audit log,
    /// the outbox): SQLite's rowid, the identity column `position` that PostgreSQL's tables declare.
    var insertionOrder: SQLQueryString {
        switch self {
        case .sqlite: "rowid"
        case .postgres: "position"
        }
    }

    /// The column type that stores a value of `kind`, chosen so that both engines order and compare what handlers
    /// order and compare, and so that a person reading the tables sees what the values mean.
    func type(_ kind: StoredType) -> SQLDataType {
        switch (self, kind) {
        case (_, .text): .text
        // Ids: canonical UUID text in SQLite, PostgreSQL's own type.
        case (.sqlite, .id): .text
        case (.postgres, .id): .custom(SQLRaw("UUID"))
        // Instants: Unix seconds as a REAL in SQLite (exact to under a microsecond), TIMESTAMPTZ in PostgreSQL.
        case (.sqlite, .instant): .real
        case (.postgres, .instant): .custom(SQLRaw("TIMESTAMPTZ"))
        // Money: exact decimal text in SQLite (a NUMERIC column would make it a double), NUMERIC in PostgreSQL.
        case (.sqlite, .money): .text
        case (.postgres, .money): .custom(SQLRaw("NUMERIC"))
        // Days: `YYYY-MM-DD` text in both, which orders as the days do.
        case (_, .day): .text
        case (_, .flag): .custom(SQLRaw("BOOLEAN"))
        case (.sqlite, .count): .int
        case (.postgres, .count): .bigint
        case (.sqlite, .bytes): .blob
        case (.postgres, .bytes): .custom(SQLRaw("BYTEA"))
        // Lists of strings: a JSON array in SQLite, a text array in PostgreSQL.
        case (.sqlite, .strings): .text
        case (.postgres, .strings): .custom(SQLRaw("TEXT[]"))
        }
    }
}

/// What a column holds, independent of the engine; ``SQLDialectKind/type(_:)`` says how each stores it.
enum StoredType: Sendable {
    case id, text, instant, money, day, flag, count, bytes, strings
}
