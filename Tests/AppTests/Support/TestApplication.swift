import CQRS
import CQRSTesting
import Foundation

@testable import App

/// The application wired with in-memory adapters and fakes: one set of repositories (one "database"), the app's
/// singletons, and a handler factory per request, as the server will make one.
struct TestApplication: Sendable {
    struct Request: RequestDependencies {
        let userRepository: any UserRepository
        let verificationTokenRepository: any EmailVerificationTokenRepository
        let passwordResetTokenRepository: any PasswordResetTokenRepository
        let refreshTokenRepository: any RefreshTokenRepository
        let sessionRepository: any SessionRepository
        let securityConfigRepository: any SecurityConfigRepository
        let providerRepository: any ProviderRepository
        let connectionRepository: any ProviderConnectionRepository
        let accountRepository: any AccountRepository
        let transactionRepository: any TransactionRepository
        let holdingRepository: any HoldingRepository
        let snapshotRepository: any BalanceSnapshotRepository
        let ownershipVerifier: OwnershipVerifier
    }

    struct Singletons: AppDependencies {
        let passwordHasher: any PasswordHasher
        let tokenGenerator: any TokenGenerator
        let refreshTokenService: any RefreshTokenService
        let passwordResetTokenService: any PasswordResetTokenService
        let emailService: any EmailService
        let encryptionService: any EncryptionService
        let cache: any Cache
        let cacheKeys: CacheKeys
        let cacheMetrics: any CacheMetrics
        let sessionCache: any SessionCache
        let providerConnectionCache: any ProviderConnectionCache
        let deviceEnricher: any DeviceEnricher
        let locationEnricher: any LocationEnricher
        let providerFactory: any ProviderFactory
        let clock: any WallClock
    }

    static let sandbox = Provider(id: UUID(), slug: "sandbox", name: "Sandbox Bank")

    let users = InMemoryUsers()
    let verificationTokens = InMemoryVerificationTokens()
    let resetTokens = InMemoryResetTokens()
    let refreshTokens = InMemoryRefreshTokens()
    let sessions = InMemorySessions()
    let securityConfig = InMemorySecurityConfig()
    let providers = InMemoryProviders([TestApplication.sandbox])
    let connections: InMemoryConnections
    let accounts: InMemoryAccounts
    let transactions = InMemoryTransactions()
    let holdings: InMemoryHoldings
    let snapshots: InMemorySnapshots

    let events = RecordingEventBus()
    let emails = RecordingEmailService()
    let cache = InMemoryCache()
    let metrics = CountingCacheMetrics()
    let sessionCache = InMemorySessionCache()
    let provider = ScriptedProvider()
    let refreshTokenService = SequentialRefreshTokens()
    let resetTokenService = SequentialResetTokens()
    /// Every date the handlers stamp: 2026-01-01 at midnight UTC until a test moves it.
    let clock = ManualClock()

    init() {
        connections = InMemoryConnections()
        accounts = InMemoryAccounts(connections: connections)
        holdings = InMemoryHoldings(accounts: accounts)
        snapshots = InMemorySnapshots(accounts: accounts)
    }

    var request: Request {
        Request(
            userRepository: users, verificationTokenRepository: verificationTokens, passwordResetTokenRepository: resetTokens,
            refreshTokenRepository: refreshTokens, sessionRepository: sessions, securityConfigRepository: securityConfig,
            providerRepository: providers, connectionRepository: connections, accountRepository: accounts,
            transactionRepository: transactions, holdingRepository: holdings, snapshotRepository: snapshots,
            ownershipVerifier: OwnershipVerifier(accounts: accounts, connections: connections, transactions: transactions, holdings: holdings))
    }

    var singletons: Singletons {
        Singletons(
            passwordHasher: FakePasswordHasher(), tokenGenerator: FakeTokenGenerator(),
            refreshTokenService: refreshTokenService, passwordResetTokenService: resetTokenService,
            emailService: emails, encryptionService: ReversingEncryption(), cache: cache, cacheKeys: CacheKeys(),
            cacheMetrics: metrics, sessionCache: sessionCache, providerConnectionCache: InMemoryConnectionCache(),
            deviceEnricher: FakeDeviceEnricher(), locationEnricher: FakeLocationEnricher(),
            providerFactory: ScriptedProviderFactory(provider: provider), clock: clock)
    }

    typealias Overrides = HandlerOverrides<Request, Singletons>

    /// A handler factory for one request.
    func handlers(overrides: Overrides = Overrides()) -> HandlerFactory<Request, Singletons> {
        HandlerFactory(
            request: request, app: singletons, events: events.recorder, steps: Steps(application: self, overrides: overrides),
            overrides: overrides)
    }

    /// Runs the operations a handler lists under `runs` with handlers of this application, and the same overrides,
    /// without dispatch: what a handler test needs to see the steps it ran.
    struct Steps: OperationStepRunner {
        let application: TestApplication
        let overrides: Overrides

        func run<C: DispatchableCommand>(_ command: C) async -> Result<C.Output, OperationError> {
            await C.handle(command, with: application.handlers(overrides: overrides))
        }

        func run<Q: DispatchableQuery>(_ query: Q) async -> Result<Q.Output, OperationError> {
            await Q.handle(query, with: application.handlers(overrides: overrides))
        }
    }
}

/// The test clock is the handlers' wall clock too: a test that needs time to pass moves it.
extension ManualClock: WallClock {
    public var now: Date { date }
}
