import Foundation
import GRDB
import Testing

@testable import App

/// The database file and its sessions: migrations, isolation of an open transaction, and the writer's order.
@Suite("Persistence: the SQLite file and its sessions")
struct DatabaseSessionTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("app-db-\(UUID().uuidString).sqlite").path
    }

    static func user(_ email: String) -> User {
        User(
            id: UUID(), email: email, passwordHash: "hash", roles: ["user", "admin"], isVerified: false, isActive: true,
            failedLoginAttempts: 2, lockedUntil: Date(timeIntervalSince1970: 1_800_000_000.25), tokenVersion: 3,
            tokenVersionChangedAt: nil, createdAt: Date(timeIntervalSince1970: 1_700_000_000.5), updatedAt: Date(timeIntervalSince1970: 1_700_000_001))
    }

    @Test("a new file gets every migration; reopening it applies none again and keeps the data")
    func migrations() async throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let first = try AppDatabase(path: path)
        #expect(try first.appliedMigrations() == [
            "v1: users, tokens and sessions", "v2: providers, accounts and their data",
            "v3: the sandbox provider and the token settings", "v4: the fingerprint of the keys",
            "v5: the audit log",
        ])
        let ada = Self.user("ada@example.com")
        try await SQLUserRepository(session: first.session()).save(ada)
        let reopened = try AppDatabase(path: path)
        #expect(try reopened.appliedMigrations().count == 5)
        #expect(try await SQLUserRepository(session: reopened.session()).find(email: "ada@example.com") == ada)
        #expect(try await SQLProviderRepository(session: reopened.session()).find(slug: "sandbox") == Migrations.sandboxProvider)
    }

    @Test("a new database and its WAL files are owner-only, like the keys file")
    func ownerOnly() async throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try AppDatabase(path: path)
        try await SQLUserRepository(session: database.session()).save(Self.user("ada@example.com"))
        for suffix in ["", "-wal", "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path + suffix)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(suffix.isEmpty ? "the database" : suffix)")
        }
    }

    @Test("verification and reset tokens are stored as their SHA-256 digest, and found by their plaintext")
    func tokensStoredAsDigests() async throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try AppDatabase(path: path)
        let ada = Self.user("ada@example.com")
        try await SQLUserRepository(session: database.session()).save(ada)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let verifications = SQLEmailVerificationTokenRepository(session: database.session())
        let resets = SQLPasswordResetTokenRepository(session: database.session())
        try await verifications.save(EmailVerificationToken(
            token: "verify-plaintext", userId: ada.id, expiresAt: now, usedAt: nil, createdAt: now))
        try await resets.save(PasswordResetToken(
            token: "reset-plaintext", userId: ada.id, expiresAt: now, usedAt: nil, ipAddress: nil, userAgent: nil, createdAt: now))
        let stored = try await database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT token FROM email_verification_tokens UNION ALL SELECT token FROM password_reset_tokens")
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
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try AppDatabase(path: path)
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

    @Test("a transaction whose reads went stale before its first write conflicts; one begun immediately does not")
    func conflicts() async throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try AppDatabase(path: path)
        let slow = database.session()
        try await slow.begin()
        #expect(try await SQLUserRepository(session: slow).find(email: "ada@example.com") == nil)
        // Someone else registers Ada meanwhile.
        try await SQLUserRepository(session: database.session()).save(Self.user("ada@example.com"))
        await #expect(throws: TransactionConflict.self) {
            try await SQLUserRepository(session: slow).save(Self.user("ada@example.com"))
        }
        #expect(slow.hadConflict)
        await slow.rollback()

        // Begun immediately, it holds the writer before it reads: others wait for it, and it cannot conflict.
        try await slow.begin(immediately: true)
        #expect(try await SQLUserRepository(session: slow).find(email: "bob@example.com") == nil)
        try await SQLUserRepository(session: slow).save(Self.user("bob@example.com"))
        #expect(!slow.hadConflict)
        try await slow.commit()
        #expect(try await SQLUserRepository(session: database.session()).find(email: "bob@example.com") != nil)
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
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try AppDatabase(path: path)
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
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try AppDatabase(path: path)
        try await SQLUserRepository(session: database.session()).save(Self.user("ada@example.com"))
        try await database.pool.write { try $0.execute(sql: "UPDATE users SET id = 'not-a-uuid'") }
        await #expect(throws: StoredValueError.self) {
            try await SQLUserRepository(session: database.session()).find(email: "ada@example.com")
        }
    }
}

/// The order in which tasks got through.
private actor Order {
    private(set) var values: [Int] = []
    func append(_ value: Int) { values.append(value) }
}
