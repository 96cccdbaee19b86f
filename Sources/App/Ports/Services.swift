import CQRS
import Foundation

// Service ports: the app's singletons. Their production adapters belong to the server; tests use fakes.

protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async -> Bool
    /// Spends what one ``verify(_:against:)`` costs, for a login whose account does not exist or is locked: a login
    /// that takes as long whatever the account cannot tell an attacker which accounts exist.
    func verifyWithoutAccount(_ password: String) async
}

/// The current date and time, for everything the app stamps or compares with "now": the system's in production, one a
/// test moves by hand (`CQRSTesting.ManualClock`), so that no test waits for time to pass.
protocol WallClock: Sendable {
    var now: Date { get }
}

protocol TokenGenerator: Sendable {
    /// A signed access token carrying the claims.
    func accessToken(for claims: AccessTokenClaims) async throws -> String
    /// The claims of an access token this generator signed and that has not expired; throws for any other.
    func claims(from accessToken: String) async throws -> AccessTokenClaims
    /// How long access tokens live, in seconds.
    var accessTokenLifetime: Int { get }
}

protocol RefreshTokenService: Sendable {
    /// A new opaque token, and the hash to store in its place.
    func generate() -> (token: String, hash: String)
    func hash(_ token: String) -> String
    /// How long refresh tokens live.
    var lifetime: TimeInterval { get }
}

protocol PasswordResetTokenService: Sendable {
    func generate() -> String
    var lifetime: TimeInterval { get }
}

/// A message to send by email.
struct EmailMessage: Sendable, Hashable, Codable {
    var to: String
    var subject: String
    var body: String
}

protocol EmailService: Sendable {
    func send(_ message: EmailMessage) async throws
}

protocol EncryptionService: Sendable {
    func encrypt(_ plaintext: Data) throws -> Data
    func decrypt(_ ciphertext: Data) throws -> Data
}

protocol Cache: Sendable {
    func get(_ key: String) async -> Data?
    func set(_ key: String, _ value: Data, timeToLive: Duration) async
    func delete(_ key: String) async
}

protocol CacheMetrics: Sendable {
    func recordHit(_ namespace: String)
    func recordMiss(_ namespace: String)
    /// Every count so far, by `namespace.hit` and `namespace.miss`.
    var counts: [String: Int] { get }
}

protocol SessionCache: Sendable {
    func get(_ id: UUID) async -> SessionRecord?
    func set(_ session: SessionRecord) async
    func remove(_ id: UUID) async
}

protocol ProviderConnectionCache: Sendable {
    func get(_ id: UUID) async -> ProviderConnection?
    func set(_ connection: ProviderConnection) async
    func remove(_ id: UUID) async
}

protocol DeviceEnricher: Sendable {
    /// `Safari on macOS`, from a user agent; nil when there is nothing to tell.
    func deviceDescription(userAgent: String?) -> String?
}

protocol LocationEnricher: Sendable {
    /// `Berlin, DE`, from an IP address; nil when unknown.
    func location(ipAddress: String?) async -> String?
}

protocol ProviderFactory: Sendable {
    /// The client of the provider with this slug.
    func provider(slug: String) throws -> any FinancialProvider
}
