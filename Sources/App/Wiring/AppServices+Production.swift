import CQRS
import Foundation
import Logging

extension AppServices {
    /// The real singletons: bcrypt, signed tokens, AES-GCM credentials, the console mailer, the sandbox provider, and
    /// an in-process event bus with the app's subscriptions. `clock` times the caches' entries; `wallClock` is every
    /// date the app stamps or compares with now.
    static func production(
        database: AppDatabase, secrets: AppSecrets, bcryptCost: UInt8, baseURL: String, clock: DispatchClock = .continuous,
        wallClock: any WallClock = SystemWallClock(), mailer: (any EmailService)? = nil, logger: Logger
    ) async -> AppServices {
        let mailer = mailer ?? ConsoleMailer(logger: logger)
        let bus = InProcessEventBus(logger: logger)
        EventSubscriptions.register(on: bus, mailer: mailer, baseURL: baseURL, logger: logger)
        BalanceSnapshotSubscriptions.register(on: bus, database: database, clock: wallClock, logger: logger)
        return AppServices(
            eventBus: bus, passwordHasher: BcryptPasswordHasher(cost: bcryptCost),
            tokenGenerator: await JWTTokenGenerator(signingKey: secrets.tokenSigningKey, clock: wallClock),
            refreshTokenService: OpaqueRefreshTokens(), passwordResetTokenService: RandomResetTokens(), emailService: mailer,
            encryptionService: AESGCMEncryption(key: secrets.credentialEncryptionKey),
            cacheStore: VersionedStore(version: database.dataVersion, clock: clock), cacheKeys: CacheKeys(),
            cacheMetrics: CacheCounters(), sessionStore: VersionedStore(version: database.dataVersion, clock: clock),
            connectionStore: VersionedStore(version: database.dataVersion, clock: clock),
            deviceEnricher: UserAgentDeviceEnricher(), locationEnricher: NetworkLocationEnricher(),
            providerFactory: SandboxProviderFactory(), clock: wallClock)
    }
}
