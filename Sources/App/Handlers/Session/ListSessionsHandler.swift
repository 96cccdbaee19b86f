import CQRS
import Foundation

/// The user's sessions, newest first, with the one making the request marked current.
struct ListSessionsHandler: ListUserSessionsHandling {
    let sessionRepository: any SessionRepository
    let clock: any WallClock

    func handle(_ query: ListUserSessions) async -> Result<SessionListResult, OperationError> {
        await handling {
            let now = clock.now, activeOnly = query.activeOnly
            let (page, active) = try await sessionRepository.fold(
                userId: query.userId, into: (page: PageCollector<SessionRecord>(limit: query.limit, offset: query.offset), active: 0)
            ) { tally, session in
                let isActive = session.isActive(at: now)
                if isActive { tally.active += 1 }
                if !activeOnly || isActive { tally.page.add(session) }
            }
            let items = page.items.map { session in
                SessionListItem(
                    id: session.id, deviceInfo: session.deviceInfo, ipAddress: session.ipAddress, location: session.location,
                    createdAt: session.createdAt, lastActivityAt: session.lastActivityAt, expiresAt: session.expiresAt,
                    isRevoked: session.revokedAt != nil, isCurrent: session.id == query.currentSessionId)
            }
            return .success(SessionListResult(
                sessions: items, totalCount: page.total, hasMore: page.hasMore, activeCount: active))
        }
    }
}
