import CQRS
import Foundation

/// Exchanges a valid refresh token for a new access token and a new refresh token (rotation): the old one is
/// revoked. Tokens issued before a global or per-user rotation are rejected, global ones after a grace period.
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

    static let securityConfigTimeToLive: Duration = .seconds(60)

    func handle(_ command: RefreshAccessToken) async -> Result<AuthTokens, OperationError> {
        await eventBus.recording(.authTokenRefreshAttempted, .authTokenRefreshSucceeded, .authTokenRefreshFailed, [:]) {
            guard var record = try await refreshTokenRepository.find(tokenHash: refreshTokenService.hash(command.refreshToken)) else {
                return .failure(OperationError(code: "token_invalid", message: "Invalid refresh token."))
            }
            let now = Date()
            guard record.revokedAt == nil else {
                return .failure(OperationError(code: "token_revoked", message: "This refresh token was revoked."))
            }
            guard record.expiresAt > now else {
                return .failure(OperationError(code: "token_expired", message: "This refresh token has expired."))
            }
            guard let user = try await userRepository.find(id: record.userId) else { return .failure(.userNotFound) }
            guard user.isActive else {
                return .failure(OperationError(code: "user_inactive", message: "This account is deactivated."))
            }
            let config = try await securityConfig()
            let globallyRotated = record.globalTokenVersion < config.globalTokenVersion
                && now >= config.updatedAt.addingTimeInterval(TimeInterval(config.gracePeriodSeconds))
            let userRotated = user.tokenVersionChangedAt.map { record.createdAt < $0 } ?? false
            if globallyRotated || userRotated {
                await eventBus.publish(DomainEvent(.tokenRejectedDueToRotation, [
                    "user_id": user.id.uuidString, "rotation": globallyRotated ? "global" : "user",
                ]))
                return .failure(OperationError(code: "token_version_rejected", message: "Tokens were rotated; log in again."))
            }

            record.revokedAt = now
            record.revokedReason = "rotated"
            try await refreshTokenRepository.save(record)
            let (token, hash) = refreshTokenService.generate()
            try await refreshTokenRepository.save(RefreshTokenRecord(
                id: UUID(), userId: user.id, sessionId: record.sessionId, tokenHash: hash,
                expiresAt: now.addingTimeInterval(refreshTokenService.lifetime), revokedAt: nil, revokedReason: nil,
                globalTokenVersion: config.globalTokenVersion, createdAt: now))
            let accessToken = try await tokenGenerator.accessToken(for: AccessTokenClaims(
                userId: user.id, email: user.email, roles: user.roles, sessionId: record.sessionId,
                globalTokenVersion: config.globalTokenVersion))
            return .success(AuthTokens(accessToken: accessToken, refreshToken: token, expiresIn: tokenGenerator.accessTokenLifetime))
        }
    }

    /// The security config, read through the cache: every refresh needs it, and it changes only on rotation.
    private func securityConfig() async throws -> SecurityConfig {
        let key = cacheKeys.securityConfig()
        if let data = await cache.get(key), let config = try? JSONDecoder().decode(SecurityConfig.self, from: data) {
            cacheMetrics.recordHit("security_config")
            return config
        }
        cacheMetrics.recordMiss("security_config")
        let config = try await securityConfigRepository.current()
        if let data = try? JSONEncoder().encode(config) {
            await cache.set(key, data, timeToLive: Self.securityConfigTimeToLive)
        }
        return config
    }
}
