import Foundation
import SQLKit
import Testing

@testable import App

/// The database and its sessions, on the engine the tests run on (``TestDatabase``): migrations, isolation of an open
/// transaction, conflicts, and how values are stored.
@Suite("Persistence: the database and its sessions")
struct DatabaseSessionTests {
    static let allMigrations = [
        "v1: users, tokens and sessions", "v2: providers, accounts and their data",
        "v3: the sandbox provider and the token settings", "v4: the fingerprint of the keys",
        "v5: the audit log", "v6: audit instants as seconds", "v7: rate limits shared by instances",
        "v8: the event outbox",
    ]

    static func user(_ email: String) -> User {
        User(
            id: UUID(), email: email, passwordHash: "hash", roles: ["user", "admin"], isVerified: false, isActive: true,
            failedLoginAttempts: 2, lockedUntil: Date(timeIntervalSince1970: 1_800_000_000.25), tokenVersion: 3,
            tokenVersionChangedAt: nil, createdAt: Date(timeIntervalSince1970: 1_700_000_000.5), updatedAt: Date(timeIntervalSince1970: 1_700_000_001))
    }

    @Test("a new database gets every migration; reopening it applies none again and keeps the data")
    func migrations() async throws {
        let directory = try TestDatabase.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await AppDatabase.open(TestDatabase.location(in: directory))
        #expect(try await first.appliedMigrations() == Self.allMigrations)
        let ada = Self.user("ada@example.com")
        try await SQLUserRepository(session: first.session()).save(ada)
        await first.close()
        let reopened = try await AppDatabase.open(TestDatabase.location(in: directory))
        #expect(try await reopened.appliedMigrations() == Self.allMigrations)
        #expect(try await SQLUserRepository(session: reopened.session()).find(email: "ada@example.com") == ada)
        #expect(try await SQLProviderRepository(session: reopened.session()).find(slug: "sandbox") == Migrations.sandboxProvider)
    }

    @Test("a file written by the releases built on GRDB opens: its migrations carried over, its rows read", .enabled(if: TestDatabase.isSQLite))
    func grdbRelease() async throws {
        let directory = try TestDatabase.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try #require(Bundle.module.url(forResource: "grdb-release", withExtension: "sqlite", subdirectory: "Fixtures"))
        let path = directory.appendingPathComponent("app.sqlite").path
        try FileManager.default.copyItem(atPath: source.path, toPath: path)
        let database = try await AppDatabase.open(.sqlite(path: path))
        #expect(try await database.appliedMigrations() == Self.allMigrations)
        let session = database.session()
        let ada = try #require(try await SQLUserRepository(session: session).find(email: "ada@example.com"))
        #expect(ada.roles == ["user"] && ada.isVerified)
        let accounts = try await SQLAccountRepository(session: session).list(userId: ada.id)
        #expect(accounts.count == 4)
        let imported = try #require(accounts.first { $0.providerAccountId == "CSV-IMPORT" })
        let page = try await SQLTransactionRepository(session: session).list(
            accountId: imported.id, filter: TransactionFilter(), limit: nil, offset: 0)
        #expect(page.totalCount == 3)
        #expect(page.transactions.map(\.amount) == [Decimal(string: "-4.5")!, Decimal(-1200), Decimal(2500)])
        #expect(page.transactions.first?.transactionDate == CalendarDate(year: 2026, month: 11, day: 3))
        let connections = try await SQLProviderConnectionRepository(session: session).list(userId: ada.id)
        #expect(connections.contains { $0.credentials != nil })
        // The audit log's instants were text; they read as the instants they were (the fixture was made on
        // 2026-12-06, UTC).
        let entries = try await AuditLog(database: database, clock: SystemWallClock()).entries()
        #expect(entries.count == 18)
        let day = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: try #require(entries.first?.recordedAt))
        #expect((day.year, day.month, day.day) == (2026, 12, 6))
    }

    @Test("a new database and its WAL files are owner-only, like the keys file", .enabled(if: TestDatabase.isSQLite))
    func ownerOnly() async throws {
        let directory = try TestDatabase.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("app.sqlite").path
        let database = try await AppDatabase.open(.sqlite(path: path))
        try await SQLUserRepository(session: database.session()).save(Self.user("ada@example.com"))
        for suffix in ["", "-wal", "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path + suffix)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(suffix.isEmpty ? "the database" : suffix)")
        }
    }

    @Test("verification and reset tokens are stored as their SHA-256 digest, and found by their plaintext")
    func tokensStoredAsDigests() async throws {
        let (database, directory) = try await TestDatabase.open()
        defer { try? FileManager.default.removeItem(at: directory) }
        let ada = Self.user("ada@example.com")
        try await SQLUserRepository(session: database.session()).save(ada)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let verifications = SQLEmailVerificationTokenRepository(session: database.session())
        let resets = SQLPasswordResetTokenRepository(session: database.session())
        try await verifications.save(EmailVerificationToken(
            token: "verify-plaintext", userId: ada.id, expiresAt: now, usedAt: nil, createdAt: now))
        try await resets.save(PasswordResetToken(
            token: "reset-plaintext", userId: ada.id, expiresAt: now, usedAt: nil, ipAddress: nil, userAgent: nil, createdAt: now))
        let stored = try await database.session().read { db in
            try await db.raw("SELECT token FROM email_verification_tokens UNION ALL SELECT token FROM password_reset_tokens")
                .all(decodingColumn: "token", as: String.self)
        }
        #expect(stored == [TokenDigest.of("verify-plaintext"), TokenDigest.of("reset-plaintext")])
        #expect(!stored.contains { $0.contains("plaintext") }, "a copy of the database holds no usable token")
        // Found by the plaintext, and saved again onto the same row.
        var reset = try #require(try await resets.find(token: "reset-plaintext"))
        #expect(reset.token == "reset-plaintext")
        reset.usedAt = now
        try await resets.save(reset)
        #expect(try await resets.find(token: "reset-plaintext")?.usedAt == now)
        #expect(try await resets.count(userId: ada.id, since: now.addingTimeInterval(-1)) == 1)
        #expect(try await verifications.find(token: TokenDigest.of("verify-plaintext")) == nil, "the digest is not a token")
    }

    @Test("an open transaction's writes are its own until it commits, and gone when it rolls back")
    func isolation() async throws {
        let (database, directory) = try await TestDatabase.open()
        defer { try? FileManager.default.removeItem(at: directory) }
        let writer = database.session(), reader = database.session()
        try await writer.begin()
        try await SQLUserRepository(session: writer).save(Self.user("ada@example.com"))
        #expect(try await SQLUserRepository(session: writer).find(email: "ada@example.com") != nil, "its own write")
        #expect(try await SQLUserRepository(session: reader).find(email: "ada@example.com") == nil, "not yet anyone else's")
        let before = database.dataVersion.current
        try await writer.commit()
        #expect(database.dataVersion.current == before + 1)
        #expect(try await SQLUserRepository(session: reader).find(email: "ada@example.com") != nil)

        try await writer.begin()
        try await SQLUserRepository(session: writer).save(Self.user("bob@example.com"))
        await writer.rollback()
        #expect(try await SQLUserRepository(session: reader).find(email: "bob@example.com") == nil)
        #expect(database.dataVersion.current == before + 1, "a rollback changes nothing")
    }

    @Test("a transaction whose reads went stale before it wrote conflicts, and keeps nothing; one begun immediately does not")
    func conflicts() async throws {
        let (database, directory) = try await TestDatabase.open()
        defer { try? FileManager.default.removeItem(at: directory) }
        let ada = Self.user("ada@example.com")
        try await SQLUserRepository(session: database.session()).save(ada)
        let slow = database.session()
        try await slow.begin()
        #expect(try await SQLUserRepository(session: slow).find(id: ada.id)?.failedLoginAttempts == 2)
        // Someone else counts a failed login meanwhile.
        _ = try await SQLUserRepository(session: database.session()).update(id: ada.id) { $0.failedLoginAttempts += 1 }
        // The slow one writes what it read, plus one: SQLite refuses the write, PostgreSQL the write or the commit.
        await #expect(throws: TransactionConflict.self) {
            _ = try await SQLUserRepository(session: slow).update(id: ada.id) { $0.failedLoginAttempts += 1 }
            try await slow.commit()
        }
        #expect(slow.hadConflict)
        await slow.rollback()
        #expect(try await SQLUserRepository(session: database.session()).find(id: ada.id)?.failedLoginAttempts == 3)

        // Begun immediately, it holds the writer (SQLite) or runs alone (PostgreSQL): it cannot conflict.
        try await slow.begin(immediately: true)
        #expect(try await SQLUserRepository(session: slow).find(email: "bob@example.com") == nil)
        try await SQLUserRepository(session: slow).save(Self.user("bob@example.com"))
        #expect(!slow.hadConflict)
        try await slow.commit()
        #expect(try await SQLUserRepository(session: database.session()).find(email: "bob@example.com") != nil)
    }

    @Test("concurrent read-modify-writes outside a transaction lose no update")
    func concurrentUpdates() async throws {
        let (database, directory) = try await TestDatabase.open()
        defer { try? FileManager.default.removeItem(at: directory) }
        var ada = Self.user("ada@example.com")
        ada.failedLoginAttempts = 0
        try await SQLUserRepository(session: database.session()).save(ada)
        let id = ada.id
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    _ = try await SQLUserRepository(session: database.session()).update(id: id) { $0.failedLoginAttempts += 1 }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await SQLUserRepository(session: database.session()).find(id: ada.id)?.failedLoginAttempts == 20)
    }

    @Test("an instance on a PostgreSQL database hears another's commit, and reads its write", .enabled(if: !TestDatabase.isSQLite))
    func otherInstancesCommits() async throws {
        let directory = try TestDatabase.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await AppDatabase.open(TestDatabase.location(in: directory))
        let second = try await AppDatabase.open(TestDatabase.location(in: directory))
        // A watcher like the one that empties the second instance's caches, told of the same commits.
        let (heard, hearing) = AsyncStream.makeStream(of: Void.self)
        try await second.engine.watchOtherWriters { hearing.yield() }
        try await SQLUserRepository(session: first.session()).save(Self.user("ada@example.com"))
        var commits = heard.makeAsyncIterator()
        #expect(await commits.next() != nil)
        #expect(try await SQLUserRepository(session: second.session()).find(email: "ada@example.com") != nil)
        await first.close()
        await second.close()
    }

    @Test("an instance catches up with a commit it was not told of, before it serves a request", .enabled(if: !TestDatabase.isSQLite))
    func catchUpWithUnheardCommits() async throws {
        let directory = try TestDatabase.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await AppDatabase.open(TestDatabase.location(in: directory))
        let second = try await AppDatabase.open(TestDatabase.location(in: directory))
        await first.catchUp()
        let before = first.dataVersion.current
        // A commit that sends no notice, as if the notice were still on its way: a statement straight on a connection.
        let lease = try await second.engine.writer()
        try await lease.database.raw("INSERT INTO rate_limits (policy, key, requests, expires_at) VALUES ('p', 'k', '{}', 0)").run()
        lease.end()
        #expect(first.dataVersion.current == before)
        // Calls at once share reads of the mark, and every one of them returns having seen the commit.
        let caughtUp = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    await first.catchUp()
                    return first.dataVersion.current > before
                }
            }
            return await group.allSatisfy { $0 }
        }
        #expect(caughtUp)
        await first.close()
        await second.close()
    }

    @Test("the writer is handed on in the order it was asked for")
    func writerOrder() async throws {
        let lock = WriterLock()
        await lock.acquire()
        let order = Order()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<5 {
                group.addTask {
                    await lock.acquire()
                    await order.append(index)
                    lock.release()
                }
                // Each waiter queues before the next one starts: a handshake on the lock's queue, not a pause.
                while lock.waiting < index + 1 { await Task.yield() }
            }
            lock.release()
        }
        #expect(await order.values == [0, 1, 2, 3, 4])
    }

    @Test("money, days and instants come back exactly as they were stored")
    func columnValues() async throws {
        let (database, directory) = try await TestDatabase.open()
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = database.session()
        let user = Self.user("ada@example.com")
        try await SQLUserRepository(session: session).save(user)
        let connection = ProviderConnection(
            id: UUID(), userId: user.id, providerId: Migrations.sandboxProvider.id, providerSlug: "sandbox", alias: nil, status: .active,
            credentials: ProviderCredentials(encryptedData: Data([0, 1, 255]), credentialType: "api_key", expiresAt: nil),
            connectedAt: nil, lastSyncAt: nil, createdAt: Date(), updatedAt: Date())
        try await SQLProviderConnectionRepository(session: session).save(connection)
        let account = Account(
            id: UUID(), connectionId: connection.id, providerAccountId: "A", accountNumberMasked: "****0001", name: "Checking",
            accountType: .rothIRA, currency: "USD", balance: Decimal(string: "12345678901234.56")!, availableBalance: Decimal(string: "-0.01"),
            isActive: true, lastSyncedAt: nil, createdAt: Date(), updatedAt: Date())
        try await SQLAccountRepository(session: session).save(account)
        let stored = try #require(try await SQLAccountRepository(session: session).find(id: account.id))
        #expect(stored.balance == account.balance)
        #expect(stored.availableBalance == account.availableBalance)
        #expect(stored.accountType == .rothIRA)
        #expect(try await SQLProviderConnectionRepository(session: session).find(id: connection.id)?.credentials == connection.credentials)
        #expect(try await SQLUserRepository(session: session).find(id: user.id)?.lockedUntil == user.lockedUntil)
    }

    @Test("a value this app could not have written is an error naming its column, not a crash")
    func damagedRow() async throws {
        let (database, directory) = try await TestDatabase.open()
        defer { try? FileManager.default.removeItem(at: directory) }
        let user = Self.user("ada@example.com")
        try await SQLUserRepository(session: database.session()).save(user)
        let connection = ProviderConnection(
            id: UUID(), userId: user.id, providerId: Migrations.sandboxProvider.id, providerSlug: "sandbox", alias: nil,
            status: .active, credentials: nil, connectedAt: nil, lastSyncAt: nil, createdAt: Date(), updatedAt: Date())
        try await SQLProviderConnectionRepository(session: database.session()).save(connection)
        try await database.session().write { try await $0.raw("UPDATE provider_connections SET status = 'bogus'").run() }
        do {
            _ = try await SQLProviderConnectionRepository(session: database.session()).find(id: connection.id)
            Issue.record("a damaged row was read without an error")
        } catch {
            #expect(String(describing: error).contains("status"), "\(error)")
        }
    }
}

/// The order in which tasks got through.
private actor Order {
    private(set) var values: [Int] = []
    func append(_ value: Int) { values.append(value) }
}
