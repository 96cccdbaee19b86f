import Foundation
import JWTKit

/// Signs access tokens as HS256 JSON Web Tokens and checks them, with the app's signing key.
struct JWTTokenGenerator: TokenGenerator {
    let keys: JWTKeyCollection
    let accessTokenLifetime: Int
    let clock: any WallClock

    init(signingKey: [UInt8], accessTokenLifetime: Int = 15 * 60, clock: any WallClock = SystemWallClock()) async {
        keys = JWTKeyCollection()
        self.clock = clock
        await keys.add(hmac: HMACKey(from: signingKey), digestAlgorithm: .sha256)
        self.accessTokenLifetime = accessTokenLifetime
    }

    func accessToken(for claims: AccessTokenClaims) async throws -> String {
        let now = clock.now
        return try await keys.sign(AccessTokenPayload(
            subject: SubjectClaim(value: claims.userId.uuidString),
            expiration: ExpirationClaim(value: now.addingTimeInterval(TimeInterval(accessTokenLifetime))),
            issuedAt: IssuedAtClaim(value: now), email: claims.email, roles: claims.roles,
            sessionId: claims.sessionId.uuidString, globalTokenVersion: claims.globalTokenVersion))
    }

    func claims(from accessToken: String) async throws -> AccessTokenClaims {
        let payload = try await keys.verify(accessToken, as: AccessTokenPayload.self)
        // Expired by the app's clock, the one that stamped it: JWTKit's own check reads the system's.
        try payload.expiration.verifyNotExpired(currentDate: clock.now)
        guard let userId = UUID(uuidString: payload.subject.value) else { throw JWTError.claimVerificationFailure(failedClaim: payload.subject, reason: "not a user id") }
        // A token without a session could not be revoked before it expires: none is issued, and none is accepted.
        guard let sessionId = UUID(uuidString: payload.sessionId) else {
            throw JWTError.claimVerificationFailure(failedClaim: payload.subject, reason: "no session")
        }
        return AccessTokenClaims(
            userId: userId, email: payload.email, roles: payload.roles, sessionId: sessionId,
            globalTokenVersion: payload.globalTokenVersion)
    }
}

/// What an access token carries: the registered claims `sub`, `exp` and `iat`, and the app's own.
struct AccessTokenPayload: JWTPayload {
    var subject: SubjectClaim
    var expiration: ExpirationClaim
    var issuedAt: IssuedAtClaim
    var email: String
    var roles: [String]
    var sessionId: String
    var globalTokenVersion: Int

    enum CodingKeys: String, CodingKey {
        case subject = "sub", expiration = "exp", issuedAt = "iat", email, roles
        case sessionId = "session_id", globalTokenVersion = "token_version"
    }

    /// The signature is JWTKit's to check; the expiry is checked by ``JWTTokenGenerator/claims(from:)`` against the
    /// app's clock, so that a test's clock and the tokens it issues agree.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
