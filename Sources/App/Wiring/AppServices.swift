import CQRS
import Foundation

/// The app's singletons, built once when the server starts and shared by every request. The event bus here is the
/// real one, which delivers to subscribers: the dispatcher publishes to it after each commit; handlers never see it
/// (see ``DispatchServices``).
struct AppServices: Sendable {
    var eventBus: InProcessEventBus
    /// Where the dispatcher's journal leaves the work each command's events owe, and what does it.
    var outbox: EventOutbox
    var outboxRelay: OutboxRelay
    var passwordHasher: any PasswordHasher
    var tokenGenerator: any TokenGenerator
    var refreshTokenService: any RefreshTokenService
    var passwordResetTokenService: any PasswordResetTokenService
    var emailService: any EmailService
    var encryptionService: any EncryptionService
    var cacheStore: VersionedStore<String, Data>
    var cacheKeys: CacheKeys
    var cacheMetrics: any CacheMetrics
    var sessionStore: VersionedStore<UUID, SessionRecord>
    var connectionStore: VersionedStore<UUID, ProviderConnection>
    var deviceEnricher: any DeviceEnricher
    var locationEnricher: any LocationEnricher
    var providerFactory: any ProviderFactory
    var clock: any WallClock
}
