import CQRS
import Foundation

/// The app's singletons as one dispatch sees them: the shared services, except the caches, which are views that know
/// what the dispatch may store. (Handlers publish events through the values the factory builds on the run's recorder.)
struct DispatchServices: AppDependencies {
    let shared: AppServices
    let cache: any Cache
    let sessionCache: any SessionCache
    let providerConnectionCache: any ProviderConnectionCache

    init(shared: AppServices, cacheRule: CacheWriteRule) {
        self.shared = shared
        cache = DispatchCache(store: shared.cacheStore, rule: cacheRule)
        sessionCache = DispatchRecordCache(store: shared.sessionStore, rule: cacheRule)
        providerConnectionCache = DispatchRecordCache(store: shared.connectionStore, rule: cacheRule)
    }

    var passwordHasher: any PasswordHasher { shared.passwordHasher }
    var tokenGenerator: any TokenGenerator { shared.tokenGenerator }
    var refreshTokenService: any RefreshTokenService { shared.refreshTokenService }
    var passwordResetTokenService: any PasswordResetTokenService { shared.passwordResetTokenService }
    var emailService: any EmailService { shared.emailService }
    var encryptionService: any EncryptionService { shared.encryptionService }
    var cacheKeys: CacheKeys { shared.cacheKeys }
    var cacheMetrics: any CacheMetrics { shared.cacheMetrics }
    var deviceEnricher: any DeviceEnricher { shared.deviceEnricher }
    var locationEnricher: any LocationEnricher { shared.locationEnricher }
    var providerFactory: any ProviderFactory { shared.providerFactory }
    var clock: any WallClock { shared.clock }
}
