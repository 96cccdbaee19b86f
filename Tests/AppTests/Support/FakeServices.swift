import CQRS
import Foundation
import Synchronization

@testable import App

// Fakes of the app's singletons: deterministic, and recording what handlers asked of them.

/// The events handlers built by a test's factory recorded, in order: what a dispatch would deliver after its commit.
final class RecordingEventBus: Sendable {
    let recorder = EventRecorder<DomainEvent>()
    private let seen = Mutex<[DomainEvent]>([])

    var events: [DomainEvent] {
        get async { seen.withLock { $0 += recorder.drain(); return $0 } }
    }

    var names: [DomainEventName] {
        get async { await events.map(\.name) }
    }
}

/// Not a real hash: tests need to see that handlers hash and verify, not the cost of a real one.
struct FakePasswordHasher: PasswordHasher {
    func hash(_ password: String) -> String { "hashed:" + password }
    func verify(_ password: String, against hash: String) -> Bool { hash == "hashed:" + password }
    func verifyWithoutAccount(_ password: String) {}
}

struct FakeTokenGenerator: TokenGenerator {
    let accessTokenLifetime = 900
    func accessToken(for claims: AccessTokenClaims) -> String {
        "access.\(claims.userId.uuidString).\(claims.sessionId.uuidString).v\(claims.globalTokenVersion)"
    }
    func claims(from accessToken: String) throws -> AccessTokenClaims {
        let parts = accessToken.split(separator: ".").map(String.init)
        guard parts.count == 4, parts[0] == "access", let userId = UUID(uuidString: parts[1]),
              let sessionId = UUID(uuidString: parts[2]), let version = Int(parts[3].dropFirst())
        else { throw OperationError(code: "token_invalid", message: "Not a fake access token.") }
        return AccessTokenClaims(userId: userId, email: "", roles: [], sessionId: sessionId, globalTokenVersion: version)
    }
}

final class SequentialRefreshTokens: RefreshTokenService {
    private let counter = Mutex(0)
    let lifetime: TimeInterval = 30 * 24 * 3600
    func generate() -> (token: String, hash: String) {
        let token = counter.withLock { value -> String in
            value += 1
            return "refresh-token-\(value)"
        }
        return (token, hash(token))
    }
    func hash(_ token: String) -> String { "sha:" + token }
}

final class SequentialResetTokens: PasswordResetTokenService {
    private let counter = Mutex(0)
    let lifetime: TimeInterval = 3600
    func generate() -> String {
        counter.withLock { value in
            value += 1
            return "reset-token-\(value)"
        }
    }
}

actor RecordingEmailService: EmailService {
    var sent: [EmailMessage] = []
    func send(_ message: EmailMessage) { sent.append(message) }
}

/// Reverses the bytes: enough to show that handlers decrypt what was encrypted.
struct ReversingEncryption: EncryptionService {
    func encrypt(_ plaintext: Data) -> Data { Data(plaintext.reversed()) }
    func decrypt(_ ciphertext: Data) -> Data { Data(ciphertext.reversed()) }
}

actor InMemoryCache: Cache {
    var entries: [String: Data] = [:]
    func get(_ key: String) -> Data? { entries[key] }
    func set(_ key: String, _ value: Data, timeToLive: Duration) { entries[key] = value }
    func delete(_ key: String) { entries[key] = nil }
}

final class CountingCacheMetrics: CacheMetrics {
    private let values = Mutex<[String: Int]>([:])
    func recordHit(_ namespace: String) { values.withLock { $0[namespace + ".hit", default: 0] += 1 } }
    func recordMiss(_ namespace: String) { values.withLock { $0[namespace + ".miss", default: 0] += 1 } }
    func count(_ key: String) -> Int { values.withLock { $0[key, default: 0] } }
    var counts: [String: Int] { values.withLock { $0 } }
}

actor InMemorySessionCache: SessionCache {
    var sessions: [UUID: SessionRecord] = [:]
    func get(_ id: UUID) -> SessionRecord? { sessions[id] }
    func set(_ session: SessionRecord) { sessions[session.id] = session }
    func remove(_ id: UUID) { sessions[id] = nil }
}

actor InMemoryConnectionCache: ProviderConnectionCache {
    var connections: [UUID: ProviderConnection] = [:]
    func get(_ id: UUID) -> ProviderConnection? { connections[id] }
    func set(_ connection: ProviderConnection) { connections[connection.id] = connection }
    func remove(_ id: UUID) { connections[id] = nil }
}

struct FakeDeviceEnricher: DeviceEnricher {
    func deviceDescription(userAgent: String?) -> String? {
        guard let userAgent else { return nil }
        return userAgent.contains("Safari") ? "Safari on macOS" : "Unknown device"
    }
}

struct FakeLocationEnricher: LocationEnricher {
    func location(ipAddress: String?) -> String? { ipAddress == "203.0.113.7" ? "Berlin, DE" : nil }
}

/// A provider whose data the test sets, and which parses a CSV of `date,id,amount,description`.
final class ScriptedProvider: FinancialProvider {
    let accounts = Mutex<[ProviderAccountData]>([])
    let transactions = Mutex<[String: [ProviderTransactionData]]>([:])
    let holdings = Mutex<[String: [ProviderHoldingData]]>([:])
    let receivedCredentials = Mutex<[Data]>([])

    func fetchAccounts(credentials: Data) throws -> [ProviderAccountData] {
        receivedCredentials.withLock { $0.append(credentials) }
        return accounts.withLock { $0 }
    }

    func fetchTransactions(credentials: Data, providerAccountId: String, from: CalendarDate, to: CalendarDate) -> [ProviderTransactionData] {
        transactions.withLock { $0[providerAccountId] ?? [] }.filter { from <= $0.transactionDate && $0.transactionDate <= to }
    }

    func fetchHoldings(credentials: Data, providerAccountId: String) -> [ProviderHoldingData] {
        holdings.withLock { $0[providerAccountId] ?? [] }
    }

    func parseStatement(_ content: Data, format: ImportFileFormat) throws -> ParsedStatement {
        guard format == .csv else { throw ProviderError(message: "only CSV in tests") }
        let lines = String(decoding: content, as: UTF8.self).split(separator: "\n").dropFirst()
        let rows = try lines.map { line -> ProviderTransactionData in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 4, let date = CalendarDate(iso8601: cells[0]), let amount = Decimal(string: cells[2]) else {
                throw ProviderError(message: "bad row: \(line)")
            }
            return ProviderTransactionData(
                providerTransactionId: cells[1], transactionType: amount < 0 ? "withdrawal" : "deposit", subtype: "",
                status: "settled", amount: amount, description: cells[3], transactionDate: date)
        }
        let account = ProviderAccountData(
            providerAccountId: "CSV-1", name: "Imported checking", accountNumberMasked: "****0001", accountType: .checking,
            currency: "USD", balance: rows.reduce(0) { $0 + $1.amount })
        return ParsedStatement(accounts: [account], transactions: ["CSV-1": rows])
    }
}

struct ScriptedProviderFactory: ProviderFactory {
    let provider: ScriptedProvider
    func provider(slug: String) throws -> any FinancialProvider {
        guard slug == "sandbox" else { throw ProviderError(message: "unknown provider \(slug)") }
        return provider
    }
}

extension ProviderTransactionData {
    init(providerTransactionId: String, transactionType: String, subtype: String, status: String, amount: Decimal, description: String, transactionDate: CalendarDate) {
        self.init(
            providerTransactionId: providerTransactionId, transactionType: transactionType, subtype: subtype, status: status,
            amount: amount, description: description, transactionDate: transactionDate, settlementDate: nil, symbol: nil,
            securityName: nil, assetType: nil, quantity: nil, unitPrice: nil, commission: nil)
    }
}

extension ProviderAccountData {
    init(providerAccountId: String, name: String, accountNumberMasked: String, accountType: AccountType, currency: String, balance: Decimal) {
        self.init(
            providerAccountId: providerAccountId, name: name, accountNumberMasked: accountNumberMasked, accountType: accountType,
            currency: currency, balance: balance, availableBalance: nil)
    }
}
