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
        userRepository = SQLUserRepository(session: session)
        verificationTokenRepository = SQLEmailVerificationTokenRepository(session: session)
        passwordResetTokenRepository = SQLPasswordResetTokenRepository(session: session)
        refreshTokenRepository = SQLRefreshTokenRepository(session: session)
        sessionRepository = SQLSessionRepository(session: session)
        securityConfigRepository = SQLSecurityConfigRepository(session: session)
        providerRepository = SQLProviderRepository(session: session)
        connectionRepository = SQLProviderConnectionRepository(session: session)
        accountRepository = SQLAccountRepository(session: session)
        transactionRepository = SQLTransactionRepository(session: session)
        holdingRepository = SQLHoldingRepository(session: session)
        snapshotRepository = SQLBalanceSnapshotRepository(session: session)
        ownershipVerifier = OwnershipVerifier(
            accounts: accountRepository, connections: connectionRepository, transactions: transactionRepository,
            holdings: holdingRepository)
    }
}
