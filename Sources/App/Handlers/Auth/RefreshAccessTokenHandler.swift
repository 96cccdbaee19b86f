import CQRS
import Foundation

/// Exchanges a valid refresh token of an active session for a new access token and a new refresh token (rotation):
/// the old one is revoked. Tokens issued before a global or per-user rotation are rejected, global ones after a grace
/// period. A rotated token presented again means two parties hold the family: its session is revoked (or, for a token
/// without a session, every refresh token of the user), so that the thief's successor token stops too.
struct RefreshAccessTokenHandler: RefreshAccessTokenHandling {
    let userRepository: any UserRepository
    let refreshTokenRepository: any RefreshTokenRepository
    let securityConfigRepository: any SecurityConfigRepository
    let tokenGenerator: any TokenGenerator
    let refreshTokenService: any RefreshTokenService
    let cache: any Cache
    let cacheKeys: CacheKeys
    let cacheMetrics: any CacheMetrics
    let sessionRepository: any SessionRepository
    let sessionCache: any SessionCache
    let clock: any WallClock
    let events: RefreshAccessTokenEvents

    static let securityConfigTimeToLive: Duration = .seconds(60)

    func handle(_ command: RefreshAccessToken) async -> Result<AuthTokens, OperationError> {
        await events.authTokenRefresh(AuthTokenRefreshAttempted()) {
            guard var record = try await refreshTokenRepository.find(tokenHash: refreshTokenService.hash(command.refreshToken)) else {
                return .failure(OperationError(.tokenInvalid, message: "Invalid refresh token."))
            }
            let now = clock.now
            guard record.revokedAt == nil else {
                let revoked = OperationError(.tokenRevoked, message: "This refresh token was revoked.")
                guard record.revokedReason == Self.rotated else { return .failure(revoked) }
                try await endFamily(of: record, at: now)
                // The revocation is the point of the failure: it must not roll back with it.
                return .failure(revoked.keepingWrites())
            }
            guard record.expiresAt > now else {
                return .failure(OperationError(.tokenExpired, message: "This refresh token has expired."))
            }
            guard let user = try await userRepository.find(id: record.userId) else { return .failure(.userNotFound) }
            guard user.isActive else {
                return .failure(OperationError(.userInactive, message: "This account is deactivated."))
            }
            // A token of no session could never be revoked with one: it does not rotate either.
            guard let sessionId = record.sessionId, let session = try await sessionRepository.find(id: sessionId),
                  session.isActive(at: now)
            else {
                return .failure(OperationError(.sessionRevoked, message: "This session was revoked or has expired; log in again."))
            }
            let config = try await securityConfig()
            let globallyRotated = record.globalTokenVersion < config.globalTokenVersion
                && now >= config.updatedAt.addingTimeInterval(TimeInterval(config.gracePeriodSeconds))
            let userRotated = user.tokenVersionChangedAt.map { record.createdAt < $0 } ?? false
            if globallyRotated || userRotated {
                events.publish(TokenRejectedDueToRotation(userId: user.id, rotation: globallyRotated ? "global" : "user"))
                return .failure(OperationError(.tokenVersionRejected, message: "Tokens were rotated; log in again."))
            }

            record.revokedAt = now
            record.revokedReason = Self.rotated
            try await refreshTokenRepository.save(record)
            let (token, hash) = refreshTokenService.generate()
            try await refreshTokenRepository.save(RefreshTokenRecord(
                id: UUID(), userId: user.id, sessionId: sessionId, tokenHash: hash,
                expiresAt: now.addingTimeInterval(refreshTokenService.lifetime), revokedAt: nil, revokedReason: nil,
                globalTokenVersion: config.globalTokenVersion, createdAt: now))
            let accessToken = try await tokenGenerator.accessToken(for: AccessTokenClaims(
                userId: user.id, email: user.email, roles: user.roles, sessionId: sessionId,
                globalTokenVersion: config.globalTokenVersion))
            return .success(AuthTokens(accessToken: accessToken, refreshToken: token, expiresIn: tokenGenerator.accessTokenLifetime))
        }
    }

    static let rotated = "rotated"

    /// Revokes the family of a reused token: its session, whose other refresh tokens and access tokens then stop; or,
    /// for a token issued without a session, every refresh token of the user.
    private func endFamily(of record: RefreshTokenRecord, at now: Date) async throws {
        guard let sessionId = record.sessionId else {
            _ = try await refreshTokenRepository.revokeAll(userId: record.userId, reason: "refresh_token_reuse", at: now)
            return
        }
        guard let session = try await sessionRepository.find(id: sessionId), session.revokedAt == nil else { return }
        try await sessionRepository.revoke(session, reason: "refresh_token_reuse", at: now, cache: sessionCache)
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
