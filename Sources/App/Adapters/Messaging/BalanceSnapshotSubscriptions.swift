import CQRS
import Foundation
import Logging

/// Captures balance snapshots when balances become known: after an account sync, a holdings sync or an import has
/// committed. Like Dashtam's portfolio event handlers, this happens because of an event, in a transaction of its own
/// on a new session, so a failure here never undoes the sync that caused it.
enum BalanceSnapshotSubscriptions {
    static func register(on bus: InProcessEventBus, database: AppDatabase, clock: any WallClock, logger: Logger) {
        bus.subscribe(.accountSyncSucceeded) { envelope in
            guard case .accountSyncSucceeded(let synced) = envelope.event else { return }
            let connectionId = synced.connectionId
            await capture(database, clock, logger, envelope, source: "account_sync") { scope in
                try await scope.accountRepository.list(connectionId: connectionId).map { ($0, nil) }
            }
        }
        bus.subscribe(.holdingsSyncSucceeded) { envelope in
            guard case .holdingsSyncSucceeded(let synced) = envelope.event else { return }
            let accountId = synced.accountId
            await capture(database, clock, logger, envelope, source: "holdings_sync") { scope in
                guard let account = try await scope.accountRepository.find(id: accountId) else { return [] }
                let holdings = try await scope.holdingRepository.list(accountId: accountId).filter(\.isActive)
                return [(account, holdings.reduce(0) { $0 + $1.marketValue })]
            }
        }
        bus.subscribe(.fileImportSucceeded) { envelope in
            guard case .fileImportSucceeded(let imported) = envelope.event else { return }
            let (userId, slug) = (imported.userId, imported.providerSlug)
            await capture(database, clock, logger, envelope, source: "import") { scope in
                let connections = Set(try await scope.connectionRepository.list(userId: userId).filter { $0.providerSlug == slug }.map(\.id))
                return try await scope.accountRepository.list(userId: userId).filter { connections.contains($0.connectionId) }.map { ($0, nil) }
            }
        }
    }

    private static func capture(
        _ database: AppDatabase, _ clock: any WallClock, _ logger: Logger, _ envelope: EventEnvelope<DomainEvent>, source: String,
        _ accounts: (DatabaseRequestScope) async throws -> [(Account, holdingsValue: Decimal?)]
    ) async {
        let event = envelope.event
        // Delivered right after the commit that produced it: the balances are as of now.
        let now = clock.now
        let session = database.session()
        let scope = DatabaseRequestScope(session: session)
        do {
            // Holding the writer from the start: nothing here is worth retrying.
            try await session.begin(immediately: true)
            for (account, holdingsValue) in try await accounts(scope) {
                try await scope.snapshotRepository.save(BalanceSnapshot(
                    id: UUID(), accountId: account.id, balance: account.balance, availableBalance: account.availableBalance,
                    holdingsValue: holdingsValue, cashValue: holdingsValue.map { account.balance - $0 }, currency: account.currency,
                    source: source, capturedAt: now, createdAt: now))
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
