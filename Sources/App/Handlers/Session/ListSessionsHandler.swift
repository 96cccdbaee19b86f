import CQRS
import Foundation

/// The user's sessions, newest first, with the one making the request marked current.
struct ListSessionsHandler: ListUserSessionsHandling {
    let sessionRepository: any SessionRepository

    func handle(_ query: ListUserSessions) async -> Result<SessionListResult, OperationError> {
        await handling {
            let now = Date()
            let all = try await sessionRepository.list(userId: query.userId)
            let listed = query.activeOnly ? all.filter { $0.isActive(at: now) } : all
            let items = listed.map { session in
                SessionListItem(
                    id: session.id, deviceInfo: session.deviceInfo, ipAddress: session.ipAddress, location: session.location,
                    createdAt: session.createdAt, lastActivityAt: session.lastActivityAt, expiresAt: session.expiresAt,
                    isRevoked: session.revokedAt != nil, isCurrent: session.id == query.currentSessionId)
            }
            return .success(SessionListResult(
                sessions: items, totalCount: items.count, activeCount: all.count { $0.isActive(at: now) }))
        }
    }
}
