import Foundation

/// What one request provides to handlers: every repository, and the ownership verifier over them, all built on the
/// request's one ``DatabaseSession``, so that a transaction covers whatever the handler touches.
struct DatabaseRequestScope: RequestDependencies {
    let session: DatabaseSession
    let userRepository: any UserRepository
    let verificationTokenRepository: any EmailVerificationTokenRepository
    let passwordResetTokenRepository: any PasswordResetTokenRepository
    let refreshTokenRepository: any RefreshTokenRepository
    let sessionRepository: any SessionRepository
    let securityConfigRepository: any SecurityConfigRepository
    let providerRepository: any ProviderRepository
    let connectionRepository: any ProviderConnectionRepository
    let accountRepository: any AccountRepository
    let transactionRepository: any TransactionRepository
    let holdingRepository: any HoldingRepository
    let snapshotRepository: any BalanceSnapshotRepository
    let ownershipVerifier: OwnershipVerifier

    init(session: DatabaseSession) {
        self.session = session
        userRepository = SQLiteUserRepository(session: session)
        verificationTokenRepository = SQLiteEmailVerificationTokenRepository(session: session)
        passwordResetTokenRepository = SQLitePasswordResetTokenRepository(session: session)
        refreshTokenRepository = SQLiteRefreshTokenRepository(session: session)
        sessionRepository = SQLiteSessionRepository(session: session)
        securityConfigRepository = SQLiteSecurityConfigRepository(session: session)
        providerRepository = SQLiteProviderRepository(session: session)
        connectionRepository = SQLiteProviderConnectionRepository(session: session)
        accountRepository = SQLiteAccountRepository(session: session)
        transactionRepository = SQLiteTransactionRepository(session: session)
        holdingRepository = SQLiteHoldingRepository(session: session)
        snapshotRepository = SQLiteBalanceSnapshotRepository(session: session)
        ownershipVerifier = OwnershipVerifier(
            accounts: accountRepository, connections: connectionRepository, transactions: transactionRepository,
            holdings: holdingRepository)
    }
}
