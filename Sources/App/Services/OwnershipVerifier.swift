import CQRS
import Foundation

/// Checks that an account, transaction or holding belongs to the requesting user, walking from the item to its
/// account and the account's connection. Built per request over the request's repositories.
struct OwnershipVerifier: Sendable {
    let accounts: any AccountRepository
    let connections: any ProviderConnectionRepository
    let transactions: any TransactionRepository
    let holdings: any HoldingRepository

    init(
        accounts: any AccountRepository, connections: any ProviderConnectionRepository,
        transactions: any TransactionRepository, holdings: any HoldingRepository
    ) {
        self.accounts = accounts
        self.connections = connections
        self.transactions = transactions
        self.holdings = holdings
    }

    /// The account, if it exists and its connection belongs to `userId`.
    func ownedAccount(_ accountId: UUID, userId: UUID) async throws -> Result<Account, OperationError> {
        try await AccountOwnership.account(accountId, of: userId, accounts: accounts, connections: connections)
    }

    func ownedTransaction(_ transactionId: UUID, userId: UUID) async throws -> Result<TransactionRecord, OperationError> {
        guard let transaction = try await transactions.find(id: transactionId) else {
            return .failure(OperationError(.transactionNotFound, message: "Transaction not found."))
        }
        switch try await ownedAccount(transaction.accountId, userId: userId) {
        case .success: return .success(transaction)
        case .failure: return .failure(OperationError(.transactionNotFound, message: "Transaction not found."))
        }
    }

    func ownedHolding(_ holdingId: UUID, userId: UUID) async throws -> Result<HoldingRecord, OperationError> {
        guard let holding = try await holdings.find(id: holdingId) else {
            return .failure(OperationError(.holdingNotFound, message: "Holding not found."))
        }
        switch try await ownedAccount(holding.accountId, userId: userId) {
        case .success: return .success(holding)
        case .failure: return .failure(OperationError(.holdingNotFound, message: "Holding not found."))
        }
    }
}
