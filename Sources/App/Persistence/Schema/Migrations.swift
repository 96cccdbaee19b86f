import Foundation
import GRDB

/// The database schema, as versioned migrations in code. A migration that has shipped is never edited: a change to
/// the schema is a new migration appended at the end, so that every existing database file reaches the same schema.
enum Migrations {
    /// The sandbox provider every new database knows, with a fixed id so that its rows are stable across files.
    static let sandboxProvider = Provider(
        id: UUID(uuidString: "5A4D8B0C-0000-4000-8000-000000000001")!, slug: SandboxProvider.slug, name: SandboxProvider.name)

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: users, tokens and sessions", migrate: createIdentityTables)
        migrator.registerMigration("v2: providers, accounts and their data", migrate: createFinancialTables)
        migrator.registerMigration("v3: the sandbox provider and the token settings", migrate: seed)
        migrator.registerMigration("v4: the fingerprint of the keys", migrate: addKeysFingerprint)
        migrator.registerMigration("v5: the audit log", migrate: createAuditLog)
        return migrator
    }

    private static func createIdentityTables(_ db: Database) throws {
        try db.create(table: "users") { table in
            table.primaryKey("id", .text)
            table.column("email", .text).notNull().unique()
            table.column("password_hash", .text).notNull()
            table.column("roles", .text).notNull()
            table.column("is_verified", .boolean).notNull()
            table.column("is_active", .boolean).notNull()
            table.column("failed_login_attempts", .integer).notNull()
            table.column("locked_until", .double)
            table.column("token_version", .integer).notNull()
            table.column("token_version_changed_at", .double)
            table.column("created_at", .double).notNull()
            table.column("updated_at", .double).notNull()
        }
        try db.create(table: "email_verification_tokens") { table in
            table.primaryKey("token", .text)
            table.column("user_id", .text).notNull().indexed().references("users", onDelete: .cascade)
            table.column("expires_at", .double).notNull()
            table.column("used_at", .double)
            table.column("created_at", .double).notNull()
        }
        try db.create(table: "password_reset_tokens") { table in
            table.primaryKey("token", .text)
            table.column("user_id", .text).notNull().indexed().references("users", onDelete: .cascade)
            table.column("expires_at", .double).notNull()
            table.column("used_at", .double)
            table.column("ip_address", .text)
            table.column("user_agent", .text)
            table.column("created_at", .double).notNull()
        }
        try db.create(table: "sessions") { table in
            table.primaryKey("id", .text)
            table.column("user_id", .text).notNull().indexed().references("users", onDelete: .cascade)
            table.column("device_info", .text)
            table.column("user_agent", .text)
            table.column("ip_address", .text)
            table.column("location", .text)
            table.column("created_at", .double).notNull()
            table.column("last_activity_at", .double)
            table.column("expires_at", .double)
            table.column("revoked_at", .double)
            table.column("revoked_reason", .text)
            table.column("refresh_token_id", .text)
            table.column("last_provider_accessed", .text)
            table.column("last_provider_accessed_at", .double)
        }
        try db.create(table: "refresh_tokens") { table in
            table.primaryKey("id", .text)
            table.column("user_id", .text).notNull().indexed().references("users", onDelete: .cascade)
            table.column("session_id", .text)
            table.column("token_hash", .text).notNull().unique()
            table.column("expires_at", .double).notNull()
            table.column("revoked_at", .double)
            table.column("revoked_reason", .text)
            table.column("global_token_version", .integer).notNull()
            table.column("created_at", .double).notNull()
        }
        // One row: the application-wide token settings.
        try db.create(table: "security_config") { table in
            table.primaryKey("id", .integer).check { $0 == 1 }
            table.column("global_token_version", .integer).notNull()
            table.column("grace_period_seconds", .integer).notNull()
            table.column("updated_at", .double).notNull()
        }
    }

    private static func createFinancialTables(_ db: Database) throws {
        try db.create(table: "providers") { table in
            table.primaryKey("id", .text)
            table.column("slug", .text).notNull().unique()
            table.column("name", .text).notNull()
        }
        try db.create(table: "provider_connections") { table in
            table.primaryKey("id", .text)
            table.column("user_id", .text).notNull().indexed().references("users", onDelete: .cascade)
            table.column("provider_id", .text).notNull().references("providers")
            table.column("provider_slug", .text).notNull()
            table.column("alias", .text)
            table.column("status", .text).notNull()
            // The provider's credentials, encrypted by the application before they reach this table.
            table.column("credentials_data", .blob)
            table.column("credentials_type", .text)
            table.column("credentials_expires_at", .double)
            table.column("connected_at", .double)
            table.column("last_sync_at", .double)
            table.column("created_at", .double).notNull()
            table.column("updated_at", .double).notNull()
        }
        try db.create(table: "accounts") { table in
            table.primaryKey("id", .text)
            table.column("connection_id", .text).notNull().indexed().references("provider_connections", onDelete: .cascade)
            table.column("provider_account_id", .text).notNull()
            table.column("account_number_masked", .text).notNull()
            table.column("name", .text).notNull()
            table.column("account_type", .text).notNull()
            table.column("currency", .text).notNull()
            table.column("balance", .text).notNull()
            table.column("available_balance", .text)
            table.column("is_active", .boolean).notNull()
            table.column("last_synced_at", .double)
            table.column("created_at", .double).notNull()
            table.column("updated_at", .double).notNull()
            table.uniqueKey(["connection_id", "provider_account_id"])
        }
        try db.create(table: "transactions") { table in
            table.primaryKey("id", .text)
            table.column("account_id", .text).notNull().references("accounts", onDelete: .cascade)
            table.column("provider_transaction_id", .text).notNull()
            table.column("transaction_type", .text).notNull()
            table.column("subtype", .text).notNull()
            table.column("status", .text).notNull()
            table.column("amount", .text).notNull()
            table.column("currency", .text).notNull()
            table.column("description", .text).notNull()
            table.column("asset_type", .text)
            table.column("symbol", .text)
            table.column("security_name", .text)
            table.column("quantity", .text)
            table.column("unit_price", .text)
            table.column("commission", .text)
            table.column("transaction_date", .text).notNull()
            table.column("settlement_date", .text)
            table.column("created_at", .double).notNull()
            table.column("updated_at", .double).notNull()
            table.uniqueKey(["account_id", "provider_transaction_id"])
        }
        // Pages are read newest first within an account.
        try db.create(index: "transactions_by_account_and_date", on: "transactions", columns: ["account_id", "transaction_date"])
        try db.create(table: "holdings") { table in
            table.primaryKey("id", .text)
            table.column("account_id", .text).notNull().indexed().references("accounts", onDelete: .cascade)
            table.column("provider_holding_id", .text).notNull()
            table.column("symbol", .text).notNull()
            table.column("security_name", .text).notNull()
            table.column("asset_type", .text).notNull()
            table.column("quantity", .text).notNull()
            table.column("cost_basis", .text).notNull()
            table.column("market_value", .text).notNull()
            table.column("currency", .text).notNull()
            table.column("current_price", .text)
            table.column("is_active", .boolean).notNull()
            table.column("last_synced_at", .double)
            table.column("created_at", .double).notNull()
            table.column("updated_at", .double).notNull()
        }
        try db.create(table: "balance_snapshots") { table in
            table.primaryKey("id", .text)
            table.column("account_id", .text).notNull().indexed().references("accounts", onDelete: .cascade)
            table.column("balance", .text).notNull()
            table.column("available_balance", .text)
            table.column("holdings_value", .text)
            table.column("cash_value", .text)
            table.column("currency", .text).notNull()
            table.column("source", .text).notNull()
            table.column("captured_at", .double).notNull()
            table.column("created_at", .double).notNull()
        }
    }

    private static func seed(_ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO providers (id, slug, name) VALUES (?, ?, ?)",
            arguments: [sandboxProvider.id.databaseText, sandboxProvider.slug, sandboxProvider.name])
        try db.execute(
            sql: "INSERT INTO security_config (id, global_token_version, grace_period_seconds, updated_at) VALUES (1, 1, 300, ?)",
            arguments: [Date().databaseSeconds])
    }

    /// Which keys the database was last used with (``KeysCheck``).
    private static func addKeysFingerprint(_ db: Database) throws {
        try db.alter(table: "security_config") { table in
            table.add(column: "keys_fingerprint", .text)
        }
    }

    /// Filled from the events the spec marks `audit`, after their command commits.
    private static func createAuditLog(_ db: Database) throws {
        try db.create(table: "audit_log") { table in
            table.column("id", .text).primaryKey()
            table.column("action", .text).notNull()
            table.column("event", .text).notNull()
            table.column("operation", .text).notNull()
            table.column("caller", .text)
            table.column("correlation_id", .text).notNull()
            table.column("payload", .text).notNull()
            table.column("recorded_at", .datetime).notNull()
        }
        try db.create(index: "audit_log_by_caller", on: "audit_log", columns: ["caller", "recorded_at"])
    }
}
