import CQRS
import Foundation

/// Issues a signed access token and an opaque refresh token for a session; stores the refresh token's hash only.
struct GenerateAuthTokensHandler: GenerateAuthTokensHandling {
    let tokenGenerator: any TokenGenerator
    let refreshTokenService: any RefreshTokenService
    let refreshTokenRepository: any RefreshTokenRepository
    let securityConfigRepository: any SecurityConfigRepository
    let clock: any WallClock

    func handle(_ command: GenerateAuthTokens) async -> Result<AuthTokens, OperationError> {
        await handling {
            let now = clock.now
            let config = try await securityConfigRepository.current()
            let (token, hash) = refreshTokenService.generate()
            try await refreshTokenRepository.save(RefreshTokenRecord(
                id: UUID(), userId: command.userId, sessionId: command.sessionId, tokenHash: hash,
                expiresAt: now.addingTimeInterval(refreshTokenService.lifetime), revokedAt: nil, revokedReason: nil,
                globalTokenVersion: config.globalTokenVersion, createdAt: now))
            let accessToken = try await tokenGenerator.accessToken(for: AccessTokenClaims(
                userId: command.userId, email: command.email, roles: command.roles, sessionId: command.sessionId,
                globalTokenVersion: config.globalTokenVersion))
            return .success(AuthTokens(accessToken: accessToken, refreshToken: token, expiresIn: tokenGenerator.accessTokenLifetime))
        }
    }
}
