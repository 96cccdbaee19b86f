import CQRS
import Foundation
import Testing

@testable import App

@Suite("Auth handlers")
struct AuthHandlerTests {
    let app = TestApplication()

    @Test("register, verify, log in, refresh and log out, publishing only the spec's events")
    func wholeFlow() async throws {
        let handlers = app.handlers()
        let userId = try await handlers.registerUserHandler().handle(RegisterUser(email: " Ada@Example.com ", password: "Str0ng!pass")).get()
        let registered = try #require(await app.users.users[userId])
        #expect(registered.email == "ada@example.com")
        #expect(registered.passwordHash == "hashed:Str0ng!pass")
        #expect(!registered.isVerified)
        #expect(await app.events.names == [.userRegistrationAttempted, .userRegistrationSucceeded])
        expectOnlyListedEvents(await app.events.events, for: RegisterUser.self)

        let unverified = await handlers.authenticateUserHandler().handle(AuthenticateUser(email: "ada@example.com", password: "Str0ng!pass"))
        #expect(unverified.failureCode == .emailNotVerified)

        guard case .userRegistrationSucceeded(let registered) = await app.events.events[1] else {
            Issue.record("the second event is not UserRegistrationSucceeded")
            return
        }
        let token = registered.verificationToken
        #expect(try await handlers.verifyEmailHandler().handle(VerifyEmail(token: token)).get() == userId)
        #expect(await handlers.verifyEmailHandler().handle(VerifyEmail(token: token)).failureCode == .tokenAlreadyUsed)

        let before = await app.events.events.count
        let user = try await handlers.authenticateUserHandler().handle(AuthenticateUser(email: "ADA@example.com", password: "Str0ng!pass")).get()
        #expect(user == AuthenticatedUser(userId: userId, email: "ada@example.com", roles: ["user"]))
        expectOnlyListedEvents(await app.events(after: before), for: AuthenticateUser.self)

        let session = try await handlers.createSessionHandler().handle(CreateSession(userId: userId, ipAddress: "203.0.113.7", userAgent: "Safari")).get()
        #expect(session.location == "Berlin, DE")
        #expect(session.deviceInfo == "Safari on macOS")
        let tokens = try await handlers.generateAuthTokensHandler().handle(GenerateAuthTokens(
            userId: userId, email: user.email, roles: user.roles, sessionId: session.sessionId)).get()
        #expect(tokens.tokenType == "bearer")
        #expect(tokens.expiresIn == 900)
        #expect(tokens.accessToken.contains(session.sessionId.uuidString))

        let refreshed = try await handlers.refreshAccessTokenHandler().handle(RefreshAccessToken(refreshToken: tokens.refreshToken)).get()
        #expect(refreshed.refreshToken != tokens.refreshToken)
        #expect(app.metrics.count("security_config.miss") == 1)
        let again = try await handlers.refreshAccessTokenHandler().handle(RefreshAccessToken(refreshToken: refreshed.refreshToken)).get()
        // Reusing a rotated token ends the family: the session is revoked, so the newest token stops too.
        #expect(await handlers.refreshAccessTokenHandler().handle(RefreshAccessToken(refreshToken: tokens.refreshToken)).failureCode == .tokenRevoked)
        #expect(try await handlers.getSessionHandler().handle(GetSession(sessionId: session.sessionId, userId: userId)).get().isRevoked)
        #expect(await handlers.refreshAccessTokenHandler().handle(RefreshAccessToken(refreshToken: again.refreshToken)).failureCode == .sessionRevoked)

        let logout = try await handlers.logoutUserHandler().handle(LogoutUser(userId: userId, refreshToken: refreshed.refreshToken)).get()
        #expect(logout.message == "Successfully logged out.")
        #expect(await handlers.refreshAccessTokenHandler().handle(RefreshAccessToken(refreshToken: refreshed.refreshToken)).failureCode == .tokenRevoked)
    }

    @Test("registration refuses bad email addresses, weak passwords and duplicates, publishing the failure")
    func registrationRules() async {
        let handlers = app.handlers()
        #expect(await handlers.registerUserHandler().handle(RegisterUser(email: "not-an-email", password: "Str0ng!pass")).failureCode == .invalidEmail)
        #expect(await handlers.registerUserHandler().handle(RegisterUser(email: "ada@example.com", password: "weak")).failureCode == .weakPassword)
        _ = await handlers.registerUserHandler().handle(RegisterUser(email: "ada@example.com", password: "Str0ng!pass"))
        #expect(await handlers.registerUserHandler().handle(RegisterUser(email: "ADA@example.com", password: "Str0ng!pass")).failureCode == .emailAlreadyRegistered)
        #expect(await app.events.events.last?.name == .userRegistrationFailed)
        #expect(await app.events.events.last?.payloadValue("failure_code") == "email_already_registered")
        #expect(await app.users.users.count == 1)
    }

    @Test("five wrong passwords lock the account; the right one then answers as a wrong one, until the lock ends")
    func lockout() async throws {
        let userId = try await app.verifiedUser()
        let authenticate = app.handlers().authenticateUserHandler()
        for _ in 0..<User.lockoutThreshold {
            #expect(await authenticate.handle(AuthenticateUser(email: "ada@example.com", password: "Wrong!pass1")).failureCode == .invalidCredentials)
        }
        // Locked: the same code as an unknown account, so that a locked account cannot be told from a missing one.
        #expect(await authenticate.handle(AuthenticateUser(email: "ada@example.com", password: "Str0ng!pass")).failureCode == .invalidCredentials)
        #expect(await authenticate.handle(AuthenticateUser(email: "nobody@example.com", password: "Str0ng!pass")).failureCode == .invalidCredentials)
        // The lock runs out: the right password opens the account and clears the count.
        await app.users.update(id: userId) { $0.lockedUntil = app.clock.now.addingTimeInterval(-1) }
        #expect(try await authenticate.handle(AuthenticateUser(email: "ada@example.com", password: "Str0ng!pass")).get().userId == userId)
        #expect(await app.users.users[userId]?.failedLoginAttempts == 0)
        #expect(await app.users.users[userId]?.lockedUntil == nil)
    }

    @Test("a password reset answers the same whether or not the account exists, and mails only real users")
    func passwordReset() async throws {
        let userId = try await app.verifiedUser()
        let handlers = app.handlers()
        let unknown = try await handlers.requestPasswordResetHandler().handle(RequestPasswordReset(email: "nobody@example.com")).get()
        let known = try await handlers.requestPasswordResetHandler().handle(RequestPasswordReset(email: "ada@example.com")).get()
        #expect(unknown == known)
        #expect(await app.emails.sent.map(\.to) == ["ada@example.com"])
        expectOnlyListedEvents(await app.events.events.filter { $0.name.rawValue.hasPrefix("PasswordResetRequest") }, for: RequestPasswordReset.self)

        let session = try await handlers.createSessionHandler().handle(CreateSession(userId: userId)).get()
        let tokens = try await handlers.generateAuthTokensHandler().handle(GenerateAuthTokens(
            userId: userId, email: "ada@example.com", roles: ["user"], sessionId: session.sessionId)).get()
        let resetToken = try #require(await app.resetTokens.tokens.keys.first)
        #expect(await handlers.confirmPasswordResetHandler().handle(ConfirmPasswordReset(token: resetToken, newPassword: "short")).failureCode == .weakPassword)
        _ = try await handlers.confirmPasswordResetHandler().handle(ConfirmPasswordReset(token: resetToken, newPassword: "N3w!password")).get()
        #expect(try await handlers.authenticateUserHandler().handle(AuthenticateUser(email: "ada@example.com", password: "N3w!password")).get().userId == userId)
        #expect(await handlers.refreshAccessTokenHandler().handle(RefreshAccessToken(refreshToken: tokens.refreshToken)).failureCode == .tokenRevoked,
                "a reset logs the user out everywhere")
        let revoked = try await handlers.getSessionHandler().handle(GetSession(sessionId: session.sessionId, userId: userId)).get()
        #expect(revoked.isRevoked, "a reset revokes every session, so that the old access token stops at once")
        #expect(await handlers.confirmPasswordResetHandler().handle(ConfirmPasswordReset(token: resetToken, newPassword: "N3w!password2")).failureCode == .tokenAlreadyUsed)
    }

    @Test("reset requests are rate limited, silently")
    func resetRateLimit() async throws {
        _ = try await app.verifiedUser()
        let request = app.handlers().requestPasswordResetHandler()
        for _ in 0..<5 {
            #expect(await request.handle(RequestPasswordReset(email: "ada@example.com")).isSuccess)
        }
        #expect(await app.emails.sent.count == RequestPasswordResetHandler.requestsPerHour)
        #expect(await app.events.events.last?.payloadValue("failure_code") == "rate_limited")
    }

    @Test("a refresh token of no session does not rotate: it could never be revoked with one")
    func sessionlessRefreshToken() async throws {
        let userId = try await app.verifiedUser()
        await app.refreshTokens.save(RefreshTokenRecord(
            id: UUID(), userId: userId, sessionId: nil, tokenHash: app.refreshTokenService.hash("orphan"),
            expiresAt: app.clock.now.addingTimeInterval(3600), revokedAt: nil, revokedReason: nil, globalTokenVersion: 1,
            createdAt: app.clock.now))
        let result = await app.handlers().refreshAccessTokenHandler().handle(RefreshAccessToken(refreshToken: "orphan"))
        #expect(result.failureCode == .sessionRevoked)
    }

    @Test("logout succeeds for an unknown or foreign token, and records why")
    func logoutNeverFails() async throws {
        let result = await app.handlers().logoutUserHandler().handle(LogoutUser(userId: UUID(), refreshToken: "nope"))
        #expect(result.isSuccess)
        #expect(await app.events.names == [.userLogoutAttempted, .userLogoutFailed])
        #expect(await app.events.events.last?.payloadValue("failure_code") == "token_not_found")
    }

    @Test("token rotation rejects tokens issued before it: per user at once, globally after the grace period")
    func rotation() async throws {
        let userId = try await app.verifiedUser()
        let handlers = app.handlers()
        let issue = {
            let session = try await handlers.createSessionHandler().handle(CreateSession(userId: userId)).get()
            return try await handlers.generateAuthTokensHandler().handle(GenerateAuthTokens(
                userId: userId, email: "ada@example.com", roles: ["user"], sessionId: session.sessionId)).get()
        }
        let early = try await issue()
        // Rotation compares dates: it happens after the token was issued, as it does when a person asks for it.
        app.clock.advance(by: .seconds(1))
        let rotation = try await handlers.triggerUserTokenRotationHandler().handle(
            TriggerUserTokenRotation(userId: userId, triggeredBy: "user", reason: "password change")).get()
        #expect(rotation.newVersion == rotation.previousVersion + 1)
        #expect(await handlers.refreshAccessTokenHandler().handle(RefreshAccessToken(refreshToken: early.refreshToken)).failureCode == .tokenVersionRejected)
        #expect(await app.events.names.contains(.tokenRejectedDueToRotation))

        app.clock.advance(by: .seconds(1))
        let later = try await issue()
        let global = try await handlers.triggerGlobalTokenRotationHandler().handle(
            TriggerGlobalTokenRotation(triggeredBy: "admin", reason: "key compromise")).get()
        #expect(global.newVersion == 2)
        #expect(await handlers.refreshAccessTokenHandler().handle(RefreshAccessToken(refreshToken: later.refreshToken)).isSuccess,
                "within the grace period the old version still works")
        #expect(await handlers.triggerGlobalTokenRotationHandler().handle(TriggerGlobalTokenRotation(triggeredBy: "admin", reason: " ")).failureCode == .reasonRequired)
    }
}

extension Result where Failure == OperationError {
    /// The failure's code, typed: a misspelt code in a test does not compile.
    var failureCode: OperationErrorCode? {
        if case .failure(let error) = self { error.declaredCode } else { nil }
    }

    /// The code of a failure of the runtime's own (`undeclared_event`), which the spec does not declare.
    var runtimeFailureCode: String? {
        if case .failure(let error) = self, error.declaredCode == nil { error.code } else { nil }
    }

    var isSuccess: Bool {
        if case .success = self { true } else { false }
    }
}
