import CQRS
import Foundation

// Persistence ports: every repository a request uses, all built on the request's one database session. Their
// adapters live with the persistence layer; tests use in-memory ones.

protocol UserRepository: Sendable {
    func find(id: UUID) async throws -> User?
    func find(email: String) async throws -> User?
    /// Inserts or replaces the user with the same id.
    func save(_ user: User) async throws
    /// Applies `change` to the user's current row and saves it, as one step no other writer can come between
    /// (``User/admitLoginAttempt(at:)``): what `change` returns, or nil when there is no such user.
    func update<T: Sendable>(id: UUID, _ change: @escaping @Sendable (inout User) -> T) async throws -> T?
}

protocol EmailVerificationTokenRepository: Sendable {
    func find(token: String) async throws -> EmailVerificationToken?
    func save(_ token: EmailVerificationToken) async throws
}

protocol PasswordResetTokenRepository: Sendable {
    func find(token: String) async throws -> PasswordResetToken?
    func save(_ token: PasswordResetToken) async throws
    /// How many reset tokens were issued to the user since `date`, to rate-limit requests.
    func count(userId: UUID, since date: Date) async throws -> Int
}

protocol RefreshTokenRepository: Sendable {
    func find(id: UUID) async throws -> RefreshTokenRecord?
    func find(tokenHash: String) async throws -> RefreshTokenRecord?
    func save(_ token: RefreshTokenRecord) async throws
    /// Revokes every usable token of the user; returns how many.
    func revokeAll(userId: UUID, reason: String, at date: Date) async throws -> Int
}

protocol SessionRepository: Sendable {
    func find(id: UUID) async throws -> SessionRecord?
    /// The user's sessions, newest first.
    func list(userId: UUID) async throws -> [SessionRecord]
    /// Folds every matching row, in the order `list` gives them, into `initial`, one at a time (``PageCollector``).
    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, SessionRecord) -> Void) async throws -> R
    func save(_ session: SessionRecord) async throws
}

protocol SecurityConfigRepository: Sendable {
    func current() async throws -> SecurityConfig
    func save(_ config: SecurityConfig) async throws
}

protocol ProviderRepository: Sendable {
    func find(slug: String) async throws -> Provider?
}

protocol ProviderConnectionRepository: Sendable {
    func find(id: UUID) async throws -> ProviderConnection?
    func list(userId: UUID) async throws -> [ProviderConnection]
    /// Folds every matching row, in the order `list` gives them, into `initial`, one at a time (``PageCollector``).
    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, ProviderConnection) -> Void) async throws -> R
    func save(_ connection: ProviderConnection) async throws
    /// The user's first connection to the provider of `connection`, or `connection` itself, inserted: as one step, so
    /// that two first imports at once make one connection.
    func firstOrInsert(_ connection: ProviderConnection) async throws -> ProviderConnection
}

protocol AccountRepository: Sendable {
    func find(id: UUID) async throws -> Account?
    func list(connectionId: UUID) async throws -> [Account]
    /// Every account of every connection of the user.
    func list(userId: UUID) async throws -> [Account]
    /// Folds every matching row, in the order `list` gives them, into `initial`, one at a time (``PageCollector``).
    func fold<R: Sendable>(connectionId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, Account) -> Void) async throws -> R
    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, Account) -> Void) async throws -> R
    func save(_ account: Account) async throws
    /// Inserts `account`, or, when its connection already has the provider's account, updates that one's balances
    /// and sync time from it: as one step, so that two first imports at once make one account. The stored account,
    /// and whether it was inserted.
    func upsertBalances(_ account: Account) async throws -> (account: Account, inserted: Bool)
}

/// Which transactions of an account a query wants.
struct TransactionFilter: Sendable, Hashable {
    var transactionType: String?
    var symbol: String?
    var from: CalendarDate?
    var to: CalendarDate?

    init(transactionType: String? = nil, symbol: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil) {
        self.transactionType = transactionType
        self.symbol = symbol
        self.from = from
        self.to = to
    }
}

protocol TransactionRepository: Sendable {
    func find(id: UUID) async throws -> TransactionRecord?
    func find(accountId: UUID, providerTransactionId: String) async throws -> TransactionRecord?
    /// Matching transactions, newest first, `limit` of them (all when nil) after skipping `offset`.
    func list(accountId: UUID, filter: TransactionFilter, limit: Int?, offset: Int) async throws -> TransactionPage
    func save(_ transaction: TransactionRecord) async throws
    /// Inserts those of `transactions` whose account does not have their provider id yet, in one write; how many.
    func insertNew(_ transactions: [TransactionRecord]) async throws -> Int
}

protocol HoldingRepository: Sendable {
    func find(id: UUID) async throws -> HoldingRecord?
    func list(accountId: UUID) async throws -> [HoldingRecord]
    func list(userId: UUID) async throws -> [HoldingRecord]
    /// Folds every matching row, in the order `list` gives them, into `initial`, one at a time (``PageCollector``).
    func fold<R: Sendable>(accountId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, HoldingRecord) -> Void) async throws -> R
    func fold<R: Sendable>(userId: UUID, into initial: R, _ update: @escaping @Sendable (inout R, HoldingRecord) -> Void) async throws -> R
    func save(_ holding: HoldingRecord) async throws
}

protocol BalanceSnapshotRepository: Sendable {
    func save(_ snapshot: BalanceSnapshot) async throws
    /// An account's snapshots, newest first.
    func list(accountId: UUID) async throws -> [BalanceSnapshot]
    /// The snapshots of all of the user's accounts, newest first.
    func list(userId: UUID) async throws -> [BalanceSnapshot]
    /// Folds the account's (or the user's) snapshots, newest first or oldest first, into `initial`, one at a time.
    func fold<R: Sendable>(
        accountId: UUID, oldestFirst: Bool, into initial: R, _ update: @escaping @Sendable (inout R, BalanceSnapshot) -> Void
    ) async throws -> R
    func fold<R: Sendable>(
        userId: UUID, oldestFirst: Bool, into initial: R, _ update: @escaping @Sendable (inout R, BalanceSnapshot) -> Void
    ) async throws -> R
}
