import CQRS
import Foundation
import Synchronization
import Testing

@testable import App

/// `cachePolicy` at work: a query's result is served from the cache for the policy's time-to-live, never after a
/// write has committed, and never at all under `none`.
@Suite("Dispatch: query caching")
struct CacheTests {
    /// Counts how often the real handler of ListProviderConnections runs.
    struct CountingConnections: ListProviderConnectionsHandling {
        let inner: ListProviderConnectionsHandler
        let runs: Counter
        func handle(_ query: ListProviderConnections) async -> Result<ProviderConnectionListResult, OperationError> {
            runs.increment()
            return await inner.handle(query)
        }
    }

    final class Counter: Sendable {
        private let value = Mutex(0)
        func increment() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    static func fixture(counting runs: Counter) async throws -> ServerFixture {
        var overrides = Dispatcher.Overrides()
        overrides.listProviderConnections = { factory in
            CountingConnections(inner: ListProviderConnectionsHandler(connectionRepository: factory.request.connectionRepository, clock: factory.app.clock), runs: runs)
        }
        return try await ServerFixture.make(overrides: overrides)
    }

    static func connect(_ userId: UUID, alias: String, _ fixture: ServerFixture) async throws {
        _ = try await fixture.environment.dispatcher.run(
            ConnectProvider(
                userId: userId, providerId: Migrations.sandboxProvider.id, providerSlug: "sandbox",
                credentials: ProviderCredentials(encryptedData: Data([1, 2, 3]), credentialType: "api_key"), alias: alias),
            on: fixture.environment.database.session()
        ).get()
    }

    @Test("a repeated query is served from the cache until a write commits; the read after it sees the write")
    func invalidatedByWrites() async throws {
        let runs = Counter()
        let fixture = try await Self.fixture(counting: runs)
        defer { fixture.removeFiles() }
        let dispatcher = fixture.environment.dispatcher, database = fixture.environment.database
        let userId = try await dispatcher.run(RegisterUser(email: "ada@example.com", password: "Str0ng!pass"), on: database.session()).get()
        let query = ListProviderConnections(userId: userId)
        #expect(ListProviderConnections.metadata.cachePolicy == .short)

        #expect(try await dispatcher.run(query, on: database.session()).get().totalCount == 0)
        #expect(try await dispatcher.run(query, on: database.session()).get().totalCount == 0)
        #expect(runs.count == 1, "the second read is the cache's")

        try await Self.connect(userId, alias: "first", fixture)
        #expect(try await dispatcher.run(query, on: database.session()).get().totalCount == 1, "never stale after a write")
        #expect(runs.count == 2)

        // Another user's query is another entry.
        _ = try await dispatcher.run(ListProviderConnections(userId: UUID()), on: database.session()).get()
        #expect(runs.count == 3)
        _ = try await dispatcher.run(query, on: database.session()).get()
        #expect(runs.count == 3)
    }

    @Test("an entry lives for the policy's time-to-live: 60 seconds for short")
    func expires() async throws {
        let runs = Counter()
        let fixture = try await Self.fixture(counting: runs)
        defer { fixture.removeFiles() }
        let dispatcher = fixture.environment.dispatcher, session = fixture.environment.database.session()
        let query = ListProviderConnections(userId: UUID())
        _ = await dispatcher.run(query, on: session)
        fixture.clock.advance(by: .seconds(59))
        _ = await dispatcher.run(query, on: session)
        #expect(runs.count == 1)
        fixture.clock.advance(by: .seconds(2))
        _ = await dispatcher.run(query, on: session)
        #expect(runs.count == 2)
    }

    @Test("a rolled-back command that records no failure changes nothing, so the cache stays valid")
    func rollbackKeepsCache() async throws {
        let runs = Counter()
        let fixture = try await Self.fixture(counting: runs)
        defer { fixture.removeFiles() }
        let dispatcher = fixture.environment.dispatcher, session = fixture.environment.database.session()
        let query = ListProviderConnections(userId: UUID())
        _ = await dispatcher.run(query, on: session)
        // A session for nobody: refused and rolled back, with no failed event to keep (a recorded failure is a write).
        let failed = await dispatcher.run(
            CreateSession(userId: UUID(), ipAddress: nil, userAgent: nil, expiresAt: nil, refreshTokenId: nil), on: session)
        #expect(failed.failureCode == .userNotFound)
        _ = await dispatcher.run(query, on: session)
        #expect(runs.count == 1)
    }

    /// A query the spec could declare with `cachePolicy: none` (the real spec has none): it counts its runs.
    struct UncachedProbe: DispatchableQuery {
        typealias Output = Int
        static let runs = Counter()
        static let metadata = QueryMetadata<OperationCategory>(
            queryType: UncachedProbe.self, handlerType: UncachedProbe.self, category: .session, resultType: Int.self,
            resultTypeName: "Int", pagination: nil, cachePolicy: .none, description: "A probe.",
            location: SpecLocation(file: "test", line: 1, column: 1))

        static func handle<Request, App>(_ query: UncachedProbe, with factory: HandlerFactory<Request, App>) async -> Result<Int, OperationError> {
            runs.increment()
            return .success(runs.count)
        }
    }

    @Test("cachePolicy none never caches")
    func noneNeverCaches() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        let session = fixture.environment.database.session()
        let first = try await fixture.environment.dispatcher.run(UncachedProbe(), on: session).get()
        let second = try await fixture.environment.dispatcher.run(UncachedProbe(), on: session).get()
        #expect(second == first + 1)
    }

    @Test("handlers' own caches follow the same rule: a command's writes are never cached, a query's only while valid")
    func handlerCaches() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.removeFiles() }
        let store = fixture.environment.services.sessionStore
        let version = fixture.environment.database.dataVersion
        let record = SessionRecord(id: UUID(), userId: UUID(), createdAt: Date())
        await DispatchRecordCache(store: store, rule: CacheWriteRule(readVersion: version.current, storesValues: false)).set(record)
        #expect(store.value(for: record.id) == nil, "commands do not fill caches")
        let stale = CacheWriteRule(readVersion: version.current, storesValues: true)
        version.advance()
        await DispatchRecordCache(store: store, rule: stale).set(record)
        #expect(store.value(for: record.id) == nil, "a value read before a write is not stored")
        await DispatchRecordCache(store: store, rule: CacheWriteRule(readVersion: version.current, storesValues: true)).set(record)
        #expect(store.value(for: record.id) == record)
        version.advance()
        #expect(store.value(for: record.id) == nil, "a write invalidates it")
    }
}
