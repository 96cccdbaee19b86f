import CQRS
import Foundation
import Testing

@testable import App

@Suite("Session handlers")
struct SessionHandlerTests {
    let app = TestApplication()

    @Test("past the session limit, the oldest session is evicted")
    func sessionLimit() async throws {
        let userId = try await app.verifiedUser()
        let create = app.handlers().createSessionHandler()
        var ids: [UUID] = []
        for _ in 0..<(SessionRecord.limitPerUser + 1) {
            ids.append(try await create.handle(CreateSession(userId: userId)).get().sessionId)
            app.clock.advance(by: .seconds(1))
        }
        let sessions = await app.sessions.sessions
        #expect(sessions[ids[0]]?.revokedReason == "session_limit")
        #expect(ids.dropFirst().allSatisfy { sessions[$0]?.revokedAt == nil })
        #expect(await app.events.names.filter { $0 == .sessionEvictedEvent }.count == 1)
        expectOnlyListedEvents(await app.events.events.filter { $0.name.rawValue.hasPrefix("Session") }, for: CreateSession.self)
        #expect(await create.handle(CreateSession(userId: UUID())).failureCode == .userNotFound)
    }

    @Test("list, get, revoke one, revoke all but the current")
    func lifecycle() async throws {
        let userId = try await app.verifiedUser()
        let handlers = app.handlers()
        let a = try await handlers.createSessionHandler().handle(CreateSession(userId: userId)).get().sessionId
        let b = try await handlers.createSessionHandler().handle(CreateSession(userId: userId)).get().sessionId
        let c = try await handlers.createSessionHandler().handle(CreateSession(userId: userId)).get().sessionId

        let listed = try await handlers.listUserSessionsHandler().handle(ListUserSessions(userId: userId, currentSessionId: c)).get()
        #expect(listed.totalCount == 3)
        let current = listed.sessions.filter { $0.isCurrent }.map { $0.id }
        #expect(current == [c])

        #expect(try await handlers.getSessionHandler().handle(GetSession(sessionId: a, userId: userId)).get().id == a)
        #expect(await handlers.getSessionHandler().handle(GetSession(sessionId: a, userId: UUID())).failureCode == .sessionNotFound)

        let before = await app.events.events.count
        #expect(await handlers.revokeSessionHandler().handle(RevokeSession(sessionId: a, userId: UUID())).failureCode == .sessionNotFound, "another user's session is answered as a missing one")
        #expect(try await handlers.revokeSessionHandler().handle(RevokeSession(sessionId: a, userId: userId)).get() == a)
        #expect(await handlers.revokeSessionHandler().handle(RevokeSession(sessionId: a, userId: userId)).failureCode == .sessionAlreadyRevoked)
        expectOnlyListedEvents(await app.events(after: before), for: RevokeSession.self)
        #expect(await app.sessionCache.sessions[a] == nil)

        let revoked = try await handlers.revokeAllUserSessionsHandler().handle(
            RevokeAllUserSessions(userId: userId, reason: "logout everywhere", exceptSessionId: c)).get()
        #expect(revoked == 1)
        #expect(await app.sessions.sessions[b]?.revokedReason == "logout everywhere")
        let active = try await handlers.listUserSessionsHandler().handle(ListUserSessions(userId: userId)).get()
        let remaining = active.sessions.map { $0.id }
        #expect(remaining == [c])
        #expect(active.activeCount == 1)
    }

    @Test("the three commands Dashtam left to a placeholder each do their own work")
    func formerPlaceholderCommands() async throws {
        let userId = try await app.verifiedUser()
        let handlers = app.handlers()
        let session = try await handlers.createSessionHandler().handle(CreateSession(userId: userId)).get().sessionId
        let tokenId = UUID()
        try await handlers.linkRefreshTokenToSessionHandler().handle(LinkRefreshTokenToSession(sessionId: session, refreshTokenId: tokenId)).get()
        #expect(await app.sessions.sessions[session]?.refreshTokenId == tokenId)

        let before = await app.events.events.count
        try await handlers.recordProviderAccessHandler().handle(RecordProviderAccess(sessionId: session, providerName: "sandbox")).get()
        #expect(await app.sessions.sessions[session]?.lastProviderAccessed == "sandbox")
        #expect(await app.events(after: before).map(\.name) == [.sessionProviderAccessEvent])

        try await handlers.updateSessionActivityHandler().handle(UpdateSessionActivity(sessionId: session, ipAddress: "198.51.100.1")).get()
        #expect(await app.sessions.sessions[session]?.ipAddress == "198.51.100.1")
        #expect(await handlers.updateSessionActivityHandler().handle(UpdateSessionActivity(sessionId: UUID())).failureCode == .sessionNotFound)
    }
}
