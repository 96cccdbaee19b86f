import CQRS
import Foundation
import Logging

/// Captures balance snapshots when balances become known: after an account sync, a holdings sync or an import has
/// committed. Like Dashtam's portfolio event handlers, this happens because of an event, in a transaction of its own
/// on a new session, so a failure here never undoes the sync that caused it.
enum BalanceSnapshotSubscriptions {
    static func register(on bus: InProcessEventBus, database: AppDatabase, logger: Logger) {
        bus.subscribe(.accountSyncSucceeded) { envelope in
            let event = envelope.event
            guard let connectionId = event.attributes["connection_id"].flatMap(UUID.init(uuidString:)) else { return }
            await capture(database, logger, envelope, source: "account_sync") { scope in
                try await scope.accountRepository.list(connectionId: connectionId).map { ($0, nil) }
            }
        }
        bus.subscribe(.holdingsSyncSucceeded) { envelope in
            let event = envelope.event
            guard let accountId = event.attributes["account_id"].flatMap(UUID.init(uuidString:)) else { return }
            await capture(database, logger, envelope, source: "holdings_sync") { scope in
                guard let account = try await scope.accountRepository.find(id: accountId) else { return [] }
                let holdings = try await scope.holdingRepository.list(accountId: accountId).filter(\.isActive)
                return [(account, holdings.reduce(0) { $0 + $1.marketValue })]
            }
        }
        bus.subscribe(.fileImportSucceeded) { envelope in
            let event = envelope.event
            guard let userId = event.attributes["user_id"].flatMap(UUID.init(uuidString:)), let slug = event.attributes["provider"] else { return }
            await capture(database, logger, envelope, source: "import") { scope in
                let connections = Set(try await scope.connectionRepository.list(userId: userId).filter { $0.providerSlug == slug }.map(\.id))
                return try await scope.accountRepository.list(userId: userId).filter { connections.contains($0.connectionId) }.map { ($0, nil) }
            }
        }
    }

    private static func capture(
        _ database: AppDatabase, _ logger: Logger, _ envelope: EventEnvelope<DomainEvent>, source: String,
        _ accounts: (DatabaseRequestScope) async throws -> [(Account, holdingsValue: Decimal?)]
    ) async {
        let event = envelope.event
        let session = database.session()
        let scope = DatabaseRequestScope(session: session)
        do {
            // Holding the writer from the start: nothing here is worth retrying.
            try await session.begin(immediately: true)
            for (account, holdingsValue) in try await accounts(scope) {
                try await scope.snapshotRepository.save(BalanceSnapshot(
                    id: UUID(), accountId: account.id, balance: account.balance, availableBalance: account.availableBalance,
                    holdingsValue: holdingsValue, cashValue: holdingsValue.map { account.balance - $0 }, currency: account.currency,
                    source: source, capturedAt: event.occurredAt, createdAt: Date()))
            }
            try await session.commit()
        } catch {
            await session.rollback()
            logger.error("could not capture balance snapshots", metadata: [
                "event": "\(event.name.rawValue)", "error": "\(error)", "correlation_id": "\(envelope.context.correlationId)",
            ])
        }
    }
}
