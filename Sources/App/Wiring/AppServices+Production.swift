import CQRS
import Foundation
import Logging

extension AppServices {
    /// The real singletons: bcrypt, signed tokens, AES-GCM credentials, the console mailer, the sandbox provider, an
    /// in-process event bus, and the event outbox that does what the app's subscriptions owe. `clock` times the
    /// caches' entries; `wallClock` is every date the app stamps or compares with now.
    static func production(
        database: AppDatabase, secrets: AppSecrets, bcryptCost: UInt8, baseURL: String, clock: DispatchClock = .continuous,
        wallClock: any WallClock = SystemWallClock(), mailer: (any EmailService)? = nil, logger: Logger
    ) async -> AppServices {
        let mailer = mailer ?? ConsoleMailer(logger: logger)
        let encryption = AESGCMEncryption(key: secrets.credentialEncryptionKey)
        let outbox = EventOutbox(database: database, encryption: encryption, clock: wallClock, baseURL: baseURL)
        let relay = OutboxRelay(outbox: outbox, mailer: mailer, logger: logger)
        let bus = InProcessEventBus(logger: logger)
        // After a command commits, the instance that ran it does the jobs its events left in the outbox at once.
        bus.subscribeToEvery { envelope in
            guard OutboxJob.isOwed(by: envelope.event) else { return }
            await relay.deliver(correlationId: envelope.context.correlationId)
        }
        return AppServices(
            eventBus: bus, outbox: outbox, outboxRelay: relay, passwordHasher: BcryptPasswordHasher(cost: bcryptCost),
            tokenGenerator: await JWTTokenGenerator(signingKey: secrets.tokenSigningKey, clock: wallClock),
            refreshTokenService: OpaqueRefreshTokens(), passwordResetTokenService: RandomResetTokens(), emailService: mailer,
            encryptionService: encryption,
            cacheStore: VersionedStore(version: database.dataVersion, clock: clock), cacheKeys: CacheKeys(),
            cacheMetrics: CacheCounters(), sessionStore: VersionedStore(version: database.dataVersion, clock: clock),
            connectionStore: VersionedStore(version: database.dataVersion, clock: clock),
            deviceEnricher: UserAgentDeviceEnricher(), locationEnricher: NetworkLocationEnricher(),
            providerFactory: SandboxProviderFactory(), clock: wallClock)
    }
}
