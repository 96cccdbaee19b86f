import Foundation
import SQLKit

/// The database schema, as versioned migrations in code, one list for both engines (only the column types differ,
/// ``SQLDialectKind/type(_:)``). A migration that has shipped is never edited: a change to the schema is a new
/// migration appended at the end, so that every existing database reaches the same schema.
enum Migrations {
    struct Migration: Sendable {
        var identifier: String
        var apply: @Sendable (any SQLDatabase, SQLDialectKind) async throws -> Void
    }

    /// The sandbox provider every new database knows, with a fixed id so that its rows are stable across databases.
    static let sandboxProvider = Provider(
        id: UUID(uuidString: "5A4D8B0C-0000-4000-8000-000000000001")!, slug: SandboxProvider.slug, name: SandboxProvider.name)

    static let all: [Migration] = [
        Migration(identifier: "v1: users, tokens and sessions", apply: createIdentityTables),
        Migration(identifier: "v2: providers, accounts and their data", apply: createFinancialTables),
        Migration(identifier: "v3: the sandbox provider and the token settings", apply: seed),
        Migration(identifier: "v4: the fingerprint of the keys", apply: addKeysFingerprint),
        Migration(identifier: "v5: the audit log", apply: createAuditLog),
        Migration(identifier: "v6: audit instants as seconds", apply: auditInstantsAsSeconds),
        Migration(identifier: "v7: rate limits shared by instances", apply: createRateLimits),
        Migration(identifier: "v8: the event outbox", apply: createEventOutbox),
    ]

    /// Where applied migrations are recorded. Files from the releases built on GRDB recorded theirs in
    /// `grdb_migrations`, with the same identifiers; they are carried over on first open.
    static let table = "schema_migrations"
    private static let legacyTable = "grdb_migrations"

    /// Applies, in order and each in a transaction of its own, every migration the database lacks. On PostgreSQL,
    /// instances that start together take turns (an advisory lock, one per schema), so each migration runs once.
    static func migrate(_ engine: any DatabaseEngine) async throws {
        let lease = try await engine.writer()
        defer { lease.end() }
        let db = lease.database
        let dialect = engine.dialect
        if dialect == .postgres { try await db.raw("SELECT pg_advisory_lock(\(literal: lockKey), hashtext(current_schema()))").run() }
        do {
            try await db.create(table: table).ifNotExists()
                .column("identifier", type: .text, .primaryKey(autoIncrement: false)).run()
            var applied = Set(try await Self.applied(on: db))
            if applied.isEmpty, dialect == .sqlite, try await hasTable(legacyTable, on: db) {
                try await db.raw("INSERT INTO \(ident: table) (identifier) SELECT identifier FROM \(ident: legacyTable)").run()
                applied = Set(try await Self.applied(on: db))
            }
            for migration in all where !applied.contains(migration.identifier) {
                try await db.raw("BEGIN").run()
                do {
                    try await migration.apply(db, dialect)
                    try await db.insert(into: table).columns("identifier").values(SQLBind(migration.identifier)).run()
                    try await db.raw("COMMIT").run()
                } catch {
                    try? await db.raw("ROLLBACK").run()
                    throw error
                }
            }
        } catch {
            if dialect == .postgres { try? await db.raw("SELECT pg_advisory_unlock(\(literal: lockKey), hashtext(current_schema()))").run() }
            throw error
        }
        if dialect == .postgres { try await db.raw("SELECT pg_advisory_unlock(\(literal: lockKey), hashtext(current_schema()))").run() }
    }

    private static let lockKey = 0x4351_5247

    /// The migrations recorded as applied, oldest first.
    static func applied(on db: any SQLDatabase) async throws -> [String] {
        let recorded = Set(try await db.select().column("identifier").from(table).all(decodingColumn: "identifier", as: String.self))
        return all.map(\.identifier).filter(recorded.contains)
    }

    private static func hasTable(_ name: String, on db: any SQLDatabase) async throws -> Bool {
        try await db.scalar(Int.self, "SELECT COUNT(*) AS value FROM sqlite_master WHERE type = 'table' AND name = \(bind: name)") == 1
    }

    @Sendable private static func createIdentityTables(_ db: any SQLDatabase, _ dialect: SQLDialectKind) async throws {
        let t = dialect.type
        try await db.create(table: "users")
            .column("id", type: t(.id), .primaryKey(autoIncrement: false))
            .column("email", type: t(.text), .notNull, .unique)
            .column("password_hash", type: t(.text), .notNull)
            .column("roles", type: t(.strings), .notNull)
            .column("is_verified", type: t(.flag), .notNull)
            .column("is_active", type: t(.flag), .notNull)
            .column("failed_login_attempts", type: t(.count), .notNull)
            .column("locked_until", type: t(.instant))
            .column("token_version", type: t(.count), .notNull)
            .column("token_version_changed_at", type: t(.instant))
            .column("created_at", type: t(.instant), .notNull)
            .column("updated_at", type: t(.instant), .notNull)
            .run()
        try await db.create(table: "email_verification_tokens")
            .column("token", type: t(.text), .primaryKey(autoIncrement: false))
            .column("user_id", type: t(.id), .notNull, .references("users", "id", onDelete: .cascade))
            .column("expires_at", type: t(.instant), .notNull)
            .column("used_at", type: t(.instant))
            .column("created_at", type: t(.instant), .notNull)
            .run()
        try await db.create(table: "password_reset_tokens")
            .column("token", type: t(.text), .primaryKey(autoIncrement: false))
            .column("user_id", type: t(.id), .notNull, .references("users", "id", onDelete: .cascade))
            .column("expires_at", type: t(.instant), .notNull)
            .column("used_at", type: t(.instant))
            .column("ip_address", type: t(.text))
            .column("user_agent", type: t(.text))
            .column("created_at", type: t(.instant), .notNull)
            .run()
        try await db.create(table: "sessions")
            .column("id", type: t(.id), .primaryKey(autoIncrement: false))
            .column("user_id", type: t(.id), .notNull, .references("users", "id", onDelete: .cascade))
            .column("device_info", type: t(.text))
            .column("user_agent", type: t(.text))
            .column("ip_address", type: t(.text))
            .column("location", type: t(.text))
            .column("created_at", type: t(.instant), .notNull)
            .column("last_activity_at", type: t(.instant))
            .column("expires_at", type: t(.instant))
            .column("revoked_at", type: t(.instant))
            .column("revoked_reason", type: t(.text))
            .column("refresh_token_id", type: t(.id))
            .column("last_provider_accessed", type: t(.text))
            .column("last_provider_accessed_at", type: t(.instant))
            .run()
        try await db.create(table: "refresh_tokens")
            .column("id", type: t(.id), .primaryKey(autoIncrement: false))
            .column("user_id", type: t(.id), .notNull, .references("users", "id", onDelete: .cascade))
            .column("session_id", type: t(.id))
            .column("token_hash", type: t(.text), .notNull, .unique)
            .column("expires_at", type: t(.instant), .notNull)
            .column("revoked_at", type: t(.instant))
            .column("revoked_reason", type: t(.text))
            .column("global_token_version", type: t(.count), .notNull)
            .column("created_at", type: t(.instant), .notNull)
            .run()
        // One row: the application-wide token settings.
        try await db.create(table: "security_config")
            .column("id", type: t(.count), .primaryKey(autoIncrement: false), .check(SQLRaw("id = 1")))
            .column("global_token_version", type: t(.count), .notNull)
            .column("grace_period_seconds", type: t(.count), .notNull)
            .column("updated_at", type: t(.instant), .notNull)
            .run()
        for (table, column) in [
            ("email_verification_tokens", "user_id"), ("password_reset_tokens", "user_id"), ("sessions", "user_id"),
            ("refresh_tokens", "user_id"),
        ] {
            try await index(table, on: [column], in: db)
        }
    }

    @Sendable private static func createFinancialTables(_ db: any SQLDatabase, _ dialect: SQLDialectKind) async throws {
        let t = dialect.type
        try await db.create(table: "providers")
            .column("id", type: t(.id), .primaryKey(autoIncrement: false))
            .column("slug", type: t(.text), .notNull, .unique)
            .column("name", type: t(.text), .notNull)
            .run()
        try await db.create(table: "provider_connections")
            .column("id", type: t(.id), .primaryKey(autoIncrement: false))
            .column("user_id", type: t(.id), .notNull, .references("users", "id", onDelete: .cascade))
            .column("provider_id", type: t(.id), .notNull, .references("providers", "id"))
            .column("provider_slug", type: t(.text), .notNull)
            .column("alias", type: t(.text))
            .column("status", type: t(.text), .notNull)
            // The provider's credentials, encrypted by the application before they reach this table.
            .column("credentials_data", type: t(.bytes))
            .column("credentials_type", type: t(.text))
            .column("credentials_expires_at", type: t(.instant))
            .column("connected_at", type: t(.instant))
            .column("last_sync_at", type: t(.instant))
            .column("created_at", type: t(.instant), .notNull)
            .column("updated_at", type: t(.instant), .notNull)
            .run()
        try await db.create(table: "accounts")
            .column("id", type: t(.id), .primaryKey(autoIncrement: false))
            .column("connection_id", type: t(.id), .notNull, .references("provider_connections", "id", onDelete: .cascade))
            .column("provider_account_id", type: t(.text), .notNull)
            .column("account_number_masked", type: t(.text), .notNull)
            .column("name", type: t(.text), .notNull)
            .column("account_type", type: t(.text), .notNull)
            .column("currency", type: t(.text), .notNull)
            .column("balance", type: t(.money), .notNull)
            .column("available_balance", type: t(.money))
            .column("is_active", type: t(.flag), .notNull)
            .column("last_synced_at", type: t(.instant))
            .column("created_at", type: t(.instant), .notNull)
            .column("updated_at", type: t(.instant), .notNull)
            .unique("connection_id", "provider_account_id")
            .run()
        try await db.create(table: "transactions")
            .column("id", type: t(.id), .primaryKey(autoIncrement: false))
            .column("account_id", type: t(.id), .notNull, .references("accounts", "id", onDelete: .cascade))
            .column("provider_transaction_id", type: t(.text), .notNull)
            .column("transaction_type", type: t(.text), .notNull)
            .column("subtype", type: t(.text), .notNull)
            .column("status", type: t(.text), .notNull)
            .column("amount", type: t(.money), .notNull)
            .column("currency", type: t(.text), .notNull)
            .column("description", type: t(.text), .notNull)
            .column("asset_type", type: t(.text))
            .column("symbol", type: t(.text))
            .column("security_name", type: t(.text))
            .column("quantity", type: t(.money))
            .column("unit_price", type: t(.money))
            .column("commission", type: t(.money))
            .column("transaction_date", type: t(.day), .notNull)
            .column("settlement_date", type: t(.day))
            .column("created_at", type: t(.instant), .notNull)
            .column("updated_at", type: t(.instant), .notNull)
            .unique("account_id", "provider_transaction_id")
            .run()
        // Pages are read newest first within an account.
        try await db.create(index: "transactions_by_account_and_date").on("transactions")
            .column("account_id").column("transaction_date").run()
        try await db.create(table: "holdings")
            .column("id", type: t(.id), .primaryKey(autoIncrement: false))
            .column("account_id", type: t(.id), .notNull, .references("accounts", "id", onDelete: .cascade))
            .column("provider_holding_id", type: t(.text), .notNull)
            .column("symbol", type: t(.text), .notNull)
            .column("security_name", type: t(.text), .notNull)
            .column("asset_type", type: t(.text), .notNull)
            .column("quantity", type: t(.money), .notNull)
            .column("cost_basis", type: t(.money), .notNull)
            .column("market_value", type: t(.money), .notNull)
            .column("currency", type: t(.text), .notNull)
            .column("current_price", type: t(.money))
            .column("is_active", type: t(.flag), .notNull)
            .column("last_synced_at", type: t(.instant))
            .column("created_at", type: t(.instant), .notNull)
            .column("updated_at", type: t(.instant), .notNull)
            .run()
        try await db.create(table: "balance_snapshots")
            .column("id", type: t(.id), .primaryKey(autoIncrement: false))
            .column("account_id", type: t(.id), .notNull, .references("accounts", "id", onDelete: .cascade))
            .column("balance", type: t(.money), .notNull)
            .column("available_balance", type: t(.money))
            .column("holdings_value", type: t(.money))
            .column("cash_value", type: t(.money))
            .column("currency", type: t(.text), .notNull)
            .column("source", type: t(.text), .notNull)
            .column("captured_at", type: t(.instant), .notNull)
            .column("created_at", type: t(.instant), .notNull)
            .run()
        for (table, column) in [("provider_connections", "user_id"), ("accounts", "connection_id"), ("holdings", "account_id"),
                                ("balance_snapshots", "account_id")] {
            try await index(table, on: [column], in: db)
        }
    }

    /// Named as GRDB named the indexes of the first releases, so that both kinds of file hold the same ones.
    private static func index(_ table: String, on columns: [String], in db: any SQLDatabase) async throws {
        var builder = db.create(index: "\(table)_on_\(columns.joined(separator: "_"))").on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }

    @Sendable private static func seed(_ db: any SQLDatabase, _ dialect: SQLDialectKind) async throws {
        try await db.insert(into: "providers").model(sandboxProvider, with: StoredRow.encoder).run()
        // Stamped with the date the database is created: no service, and so no clock, exists yet.
        try await db.insert(into: "security_config")
            .columns("id", "global_token_version", "grace_period_seconds", "updated_at")
            .values(SQLBind(1), SQLBind(1), SQLBind(300), SQLBind(Date()))
            .run()
    }

    /// Which keys the database was last used with (``KeysCheck``).
    @Sendable private static func addKeysFingerprint(_ db: any SQLDatabase, _ dialect: SQLDialectKind) async throws {
        try await db.alter(table: "security_config").column("keys_fingerprint", type: .text).run()
    }

    /// Filled from the events the spec marks `audit`, after their command commits. PostgreSQL numbers its rows
    /// (`position`) for the order they were written in; SQLite has its `rowid`.
    @Sendable private static func createAuditLog(_ db: any SQLDatabase, _ dialect: SQLDialectKind) async throws {
        let t = dialect.type
        var table = db.create(table: "audit_log")
            .column("id", type: t(.id), .primaryKey(autoIncrement: false))
            .column("action", type: t(.text), .notNull)
            .column("event", type: t(.text), .notNull)
            .column("operation", type: t(.text), .notNull)
            .column("caller", type: t(.text))
            .column("correlation_id", type: t(.text), .notNull)
            .column("payload", type: t(.text), .notNull)
            .column("recorded_at", type: t(.instant), .notNull)
        if dialect == .postgres {
            table = table.column("position", type: .custom(SQLRaw("BIGINT GENERATED ALWAYS AS IDENTITY")), .notNull)
        }
        try await table.run()
        try await db.create(index: "audit_log_by_caller").on("audit_log").column("caller").column("recorded_at").run()
    }

    /// The GRDB releases wrote the audit log's instants as text (`YYYY-MM-DD HH:MM:SS.SSS`, UTC); every other
    /// instant, and every audit row since, is Unix seconds. (PostgreSQL's were always TIMESTAMPTZ.)
    @Sendable private static func auditInstantsAsSeconds(_ db: any SQLDatabase, _ dialect: SQLDialectKind) async throws {
        guard dialect == .sqlite else { return }
        try await db.raw("""
            UPDATE audit_log SET recorded_at = (julianday(recorded_at) - 2440587.5) * 86400.0
            WHERE typeof(recorded_at) = 'text'
            """).run()
    }

    /// PostgreSQL's instances count rate limits together (``PostgresRateLimiter``); one SQLite process counts them in
    /// memory. A row per policy and key: the instants (Unix milliseconds) of its requests in the current window, and
    /// when the row may be dropped.
    @Sendable private static func createRateLimits(_ db: any SQLDatabase, _ dialect: SQLDialectKind) async throws {
        guard dialect == .postgres else { return }
        try await db.create(table: "rate_limits")
            .column("policy", type: .text, .notNull)
            .column("key", type: .text, .notNull)
            .column("requests", type: .custom(SQLRaw("BIGINT[]")), .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .primaryKey("policy", "key")
            .run()
        try await db.create(index: "rate_limits_by_expiry").on("rate_limits").column("expires_at").run()
    }

    /// The work owed because of committed events (``EventOutbox``): written in the command's transaction, deleted in
    /// the transaction that does the work.
    @Sendable private static func createEventOutbox(_ db: any SQLDatabase, _ dialect: SQLDialectKind) async throws {
        let t = dialect.type
        var table = db.create(table: "event_outbox")
            .column("id", type: t(.id), .primaryKey(autoIncrement: false))
            .column("event", type: t(.text), .notNull)
            .column("operation", type: t(.text), .notNull)
            .column("correlation_id", type: t(.text), .notNull)
            .column("job", type: t(.bytes), .notNull)
            .column("attempts", type: t(.count), .notNull)
            .column("due_at", type: t(.instant), .notNull)
            .column("created_at", type: t(.instant), .notNull)
            .column("failed_at", type: t(.instant))
            .column("last_error", type: t(.text))
        if dialect == .postgres {
            table = table.column("position", type: .custom(SQLRaw("BIGINT GENERATED ALWAYS AS IDENTITY")), .notNull)
        }
        try await table.run()
        try await db.create(index: "event_outbox_by_due").on("event_outbox").column("failed_at").column("due_at").run()
    }
}
