import CQRS
import Foundation

// The application side of the benchmark spec: dependencies that do no I/O, so that what is measured is building and
// dispatching, not work.

protocol UserRepository: Sendable { func exists(_ id: UUID) -> Bool }
protocol RefreshTokenRepository: Sendable { func isUsable(_ token: String) -> Bool }
protocol SecurityConfigRepository: Sendable { var version: Int { get } }
protocol TokenGenerator: Sendable { func token(for subject: String) -> String }
protocol RefreshTokenService: Sendable { func hash(_ token: String) -> String }
protocol EventBus: Sendable { func publish(_ name: String) }
protocol Cache: Sendable { func get(_ key: String) -> String? }
protocol CacheMetrics: Sendable { func hit() }

/// A repository is built per request on the request's database session: a class, as an adapter over a session is.
final class SessionUserRepository: UserRepository {
    let session: DatabaseSession
    init(session: DatabaseSession) { self.session = session }
    func exists(_ id: UUID) -> Bool { true }
}

final class SessionRefreshTokenRepository: RefreshTokenRepository {
    let session: DatabaseSession
    init(session: DatabaseSession) { self.session = session }
    func isUsable(_ token: String) -> Bool { !token.isEmpty }
}

final class SessionSecurityConfigRepository: SecurityConfigRepository {
    let session: DatabaseSession
    init(session: DatabaseSession) { self.session = session }
    var version: Int { 1 }
}

/// Stands for the request's database session.
final class DatabaseSession: Sendable {}

struct OwnershipVerifier: Sendable {
    let users: any UserRepository
    func owns(_ id: UUID) -> Bool { users.exists(id) }
}

struct CacheKeys: Sendable {
    func key(_ token: String) -> String { "refresh:" + token }
}

final class Singleton: TokenGenerator, RefreshTokenService, EventBus, Cache, CacheMetrics {
    func token(for subject: String) -> String { subject }
    func hash(_ token: String) -> String { token }
    func publish(_ name: String) {}
    func get(_ key: String) -> String? { nil }
    func hit() {}
}

struct RefreshAccessTokenHandler: RefreshAccessTokenHandling {
    let userRepository: any UserRepository
    let refreshTokenRepository: any RefreshTokenRepository
    let securityConfigRepository: any SecurityConfigRepository
    let tokenGenerator: any TokenGenerator
    let refreshTokenService: any RefreshTokenService
    let eventBus: any EventBus
    let cache: any Cache
    let cacheKeys: CacheKeys
    let cacheMetrics: any CacheMetrics

    func handle(_ command: RefreshAccessToken) async -> Result<String, OperationError> {
        guard refreshTokenRepository.isUsable(refreshTokenService.hash(command.refreshToken)) else {
            return .failure(OperationError(code: "token_invalid", message: "Invalid refresh token."))
        }
        return .success(tokenGenerator.token(for: command.refreshToken))
    }
}

struct GetAccountHandler: GetAccountHandling {
    let ownershipVerifier: OwnershipVerifier

    func handle(_ query: GetAccount) async -> Result<UUID, OperationError> {
        ownershipVerifier.owns(query.accountId) ? .success(query.accountId) : .failure(OperationError(code: "account_not_found", message: ""))
    }
}

/// One request's dependencies, built on its session.
struct Request: RequestDependencies {
    let userRepository: any UserRepository
    let refreshTokenRepository: any RefreshTokenRepository
    let securityConfigRepository: any SecurityConfigRepository

    init(session: DatabaseSession) {
        userRepository = SessionUserRepository(session: session)
        refreshTokenRepository = SessionRefreshTokenRepository(session: session)
        securityConfigRepository = SessionSecurityConfigRepository(session: session)
    }

    var ownershipVerifier: OwnershipVerifier { OwnershipVerifier(users: userRepository) }
}

struct Singletons: AppDependencies {
    let shared = Singleton()
    var tokenGenerator: any TokenGenerator { shared }
    var refreshTokenService: any RefreshTokenService { shared }
    var eventBus: any EventBus { shared }
    var cache: any Cache { shared }
    let cacheKeys = CacheKeys()
    var cacheMetrics: any CacheMetrics { shared }
}

/// The limit the dispatcher is measured against: the handler built by hand, in a wiring function as an application
/// has one, so that its per-request dependencies are allocated (built inline, the optimiser keeps them on the stack).
@inline(never)
func wiredHandler(session: DatabaseSession, singletons: Singletons) -> RefreshAccessTokenHandler {
    RefreshAccessTokenHandler(
        userRepository: SessionUserRepository(session: session),
        refreshTokenRepository: SessionRefreshTokenRepository(session: session),
        securityConfigRepository: SessionSecurityConfigRepository(session: session),
        tokenGenerator: singletons.tokenGenerator, refreshTokenService: singletons.refreshTokenService,
        eventBus: singletons.eventBus, cache: singletons.cache, cacheKeys: singletons.cacheKeys,
        cacheMetrics: singletons.cacheMetrics)
}

/// A behaviour that does nothing but run the rest: what one behaviour costs by itself.
struct PassThrough: OperationBehavior {
    func handle<Operation: Sendable, Output: Sendable>(
        _ operation: Operation, _ descriptor: OperationDescriptor<OperationCategory>, context: OperationContext,
        next: @Sendable () async -> Result<Output, OperationError>
    ) async throws -> Result<Output, OperationError> {
        await next()
    }
}
