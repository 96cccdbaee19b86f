import CQRSTesting
import Foundation
import JWTKit
import Testing

@testable import App

/// The real services behind the app's ports.
@Suite("Adapters: security, enrichment and the sandbox provider")
struct AdapterTests {
    @Test("bcrypt hashes are salted and verify only their password")
    func bcrypt() async throws {
        let hasher = BcryptPasswordHasher(cost: 4)
        let first = try await hasher.hash("Str0ng!pass"), second = try await hasher.hash("Str0ng!pass")
        #expect(first != second)
        #expect(first.hasPrefix("$2"))
        #expect(await hasher.verify("Str0ng!pass", against: first))
        #expect(await !hasher.verify("str0ng!pass", against: first))
        #expect(await !hasher.verify("Str0ng!pass", against: "not a hash"))
    }

    @Test("only 72 bytes of a password count in bcrypt: longer ones are refused, and never match")
    func bcryptLength() async throws {
        let hasher = BcryptPasswordHasher(cost: 4)
        let longest = "Aa1!" + String(repeating: "x", count: 68)
        #expect(longest.utf8.count == 72)
        let hash = try await hasher.hash(longest)
        #expect(await hasher.verify(longest, against: hash))
        #expect(await !hasher.verify(longest + "anything", against: hash), "text after the 72nd byte must not log in")
        await #expect(throws: PasswordTooLong.self) { try await hasher.hash(longest + "y") }
        #expect(Credentials.validatePassword(longest) == nil)
        #expect(Credentials.validatePassword(longest + "y")?.code == "weak_password")
        // Bytes, not characters: 25 three-byte characters are 75 bytes.
        #expect(Credentials.validatePassword("Aa1!" + String(repeating: "€", count: 25))?.code == "weak_password")
    }

    @Test("days are YYYY-MM-DD that exist: no February 30th, no 29th outside leap years, no five-digit year")
    func days() {
        #expect(CalendarDate(iso8601: "2024-02-29") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(iso8601: "2000-02-29") != nil)
        #expect(CalendarDate(iso8601: "0001-01-01") != nil)
        #expect(CalendarDate(iso8601: "9999-12-31") != nil)
        for impossible in ["2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
                           "99999-01-01", "0000-01-01", "2026-1-01", "2026-01-1", "+2026-01-01", "2026-01-01T00", "２０２６-01-01"] {
            #expect(CalendarDate(iso8601: impossible) == nil, "\(impossible)")
        }
    }

    @Test("access tokens carry their claims, and a tampered, foreign, expired or sessionless one is refused")
    func tokens() async throws {
        let secrets = AppSecrets.random()
        let generator = await JWTTokenGenerator(signingKey: secrets.tokenSigningKey)
        let claims = AccessTokenClaims(userId: UUID(), email: "ada@example.com", roles: ["user"], sessionId: UUID(), globalTokenVersion: 4)
        let token = try await generator.accessToken(for: claims)
        #expect(try await generator.claims(from: token) == claims)

        let other = await JWTTokenGenerator(signingKey: AppSecrets.random().tokenSigningKey)
        await #expect(throws: (any Error).self) { try await other.claims(from: token) }
        var parts = token.split(separator: ".").map(String.init)
        parts[1] = String(parts[1].reversed())
        await #expect(throws: (any Error).self) { try await generator.claims(from: parts.joined(separator: ".")) }
        let expired = await JWTTokenGenerator(signingKey: secrets.tokenSigningKey, accessTokenLifetime: -1)
        await #expect(throws: (any Error).self) { try await generator.claims(from: try await expired.accessToken(for: claims)) }

        // Signed with the right key, but of no session: it could not be revoked, so it is refused.
        let sessionless = try await generator.keys.sign(SessionlessPayload(
            sub: SubjectClaim(value: claims.userId.uuidString), exp: ExpirationClaim(value: Date().addingTimeInterval(60)),
            email: "ada@example.com", roles: ["user"], token_version: 4))
        await #expect(throws: (any Error).self) { try await generator.claims(from: sessionless) }
    }

    @Test("an access token lives its lifetime by the app's clock, not the system's")
    func tokenLifetimeByTheClock() async throws {
        // A year before the system's date: JWTKit's own check, which reads the system clock, would pass any token.
        let clock = ManualClock(date: Date().addingTimeInterval(-365 * 86_400))
        let generator = await JWTTokenGenerator(signingKey: AppSecrets.random().tokenSigningKey, accessTokenLifetime: 900, clock: clock)
        let claims = AccessTokenClaims(userId: UUID(), email: "ada@example.com", roles: ["user"], sessionId: UUID(), globalTokenVersion: 1)
        let token = try await generator.accessToken(for: claims)
        clock.advance(by: .seconds(899))
        #expect(try await generator.claims(from: token) == claims)
        clock.advance(by: .seconds(2))
        await #expect(throws: JWTError.self) { try await generator.claims(from: token) }
    }

    /// An access token as the app once could have signed it: every claim but `session_id`.
    struct SessionlessPayload: JWTPayload {
        var sub: SubjectClaim
        var exp: ExpirationClaim
        var email: String
        var roles: [String]
        var token_version: Int
        func verify(using algorithm: some JWTAlgorithm) throws {}
    }

    @Test("credentials round-trip through AES-GCM, differ each time, and tampering is detected")
    func encryption() throws {
        let encryption = AESGCMEncryption(key: AppSecrets.random().credentialEncryptionKey)
        let plaintext = Data("api-key-123".utf8)
        let sealed = try encryption.encrypt(plaintext)
        #expect(try encryption.decrypt(sealed) == plaintext)
        #expect(try encryption.encrypt(plaintext) != sealed)
        var tampered = sealed
        tampered[tampered.count - 1] ^= 1
        #expect(throws: (any Error).self) { try encryption.decrypt(tampered) }
        let otherKey = AESGCMEncryption(key: AppSecrets.random().credentialEncryptionKey)
        #expect(throws: (any Error).self) { try otherKey.decrypt(sealed) }
    }

    @Test("the key file is created owner-only, then read back unchanged")
    func keyFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let created = try AppSecrets.loadOrCreate(at: path)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(try AppSecrets.loadOrCreate(at: path) == created)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: (any Error).self) { try AppSecrets.loadOrCreate(at: path) }
    }

    @Test("refresh tokens are random and stored only as their SHA-256")
    func refreshTokens() {
        let service = OpaqueRefreshTokens()
        let (token, hash) = service.generate()
        #expect(token.count == 43)
        #expect(hash.count == 64)
        #expect(service.hash(token) == hash)
        #expect(service.generate().token != token)
    }

    @Test("devices are named from their user agents", arguments: [
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15", "Safari on macOS"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0", "Edge on Windows"),
        ("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36", "Chrome on Android"),
        ("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", "Firefox on Linux"),
        ("curl/8.5.0", "curl"),
    ])
    func devices(userAgent: String, expected: String) {
        #expect(UserAgentDeviceEnricher().deviceDescription(userAgent: userAgent) == expected)
    }

    @Test("locations: this computer, a private network, or nothing for a public address")
    func locations() async {
        let enricher = NetworkLocationEnricher()
        #expect(await enricher.location(ipAddress: "127.0.0.1") == "This computer")
        #expect(await enricher.location(ipAddress: "::1") == "This computer")
        #expect(await enricher.location(ipAddress: "192.168.1.20") == "Private network")
        #expect(await enricher.location(ipAddress: "172.20.0.1") == "Private network")
        #expect(await enricher.location(ipAddress: "203.0.113.7") == nil)
        #expect(await enricher.location(ipAddress: nil) == nil)
    }

    @Test("CSV statements: quoted cells, an optional id and balance, and errors that name the row")
    func csv() throws {
        let statement = try CSVStatement.parse(Data("Date,Description,Amount,Balance,ID\n2026-11-01,\"Rent, \"\"November\"\"\",-1200.00,,R1\n2026-11-02,Salary,2500,1300.00,\n".utf8))
        let transactions = try #require(statement.transactions[CSVStatement.accountId])
        #expect(transactions.map(\.description) == ["Rent, \"November\"", "Salary"])
        #expect(transactions.map(\.providerTransactionId).first == "R1")
        #expect(transactions.last?.providerTransactionId.hasPrefix("CSV-") == true)
        #expect(transactions.map(\.transactionType) == ["withdrawal", "deposit"])
        #expect(statement.accounts.first?.balance == 1300)
        #expect(throws: ProviderError(message: "row 2: the date is not YYYY-MM-DD")) {
            try CSVStatement.parse(Data("date,description,amount\n11/01/2026,Rent,-1\n".utf8))
        }
        // Rows are records, not lines: a blank line still counts as one, as a spreadsheet numbers it.
        #expect(throws: ProviderError(message: "row 4: the amount is not a number")) {
            try CSVStatement.parse(Data("date,description,amount\n2026-11-01,\"two\nlines\",-1\n\n2026-11-02,Rent,ten\n".utf8))
        }
        #expect(throws: ProviderError(message: "the CSV file's quotes are malformed")) {
            try CSVStatement.parse(Data("date,description,amount\n2026-11-01,\"Rent\"x,-1\n".utf8))
        }
        #expect(throws: ProviderError(message: "the CSV header must name the columns date, description and amount")) {
            try CSVStatement.parse(Data("when,what\n".utf8))
        }
    }

    @Test("CSV statements as spreadsheets write them: line breaks inside quotes, CRLF, a byte order mark, blank lines")
    func csvRecords() throws {
        let text = "\u{FEFF}date,description,amount,id\r\n2026-11-01,\"Rent\r\nNovember, flat 2\",-1200.00,R1\r\n\r\n"
            + "2026-11-02,\"Salary \"\"bonus\"\"\",2500,R2\r\n"
        let statement = try CSVStatement.parse(Data(text.utf8))
        let transactions = try #require(statement.transactions[CSVStatement.accountId])
        #expect(transactions.map(\.description) == ["Rent\r\nNovember, flat 2", "Salary \"bonus\""])
        #expect(transactions.map(\.providerTransactionId) == ["R1", "R2"])
        #expect(transactions.map(\.amount) == [-1200, 2500])
        #expect(statement.accounts.first?.balance == 1300)
        #expect(throws: ProviderError(message: "the CSV file is empty")) { try CSVStatement.parse(Data()) }
    }

    @Test("OFX statements, SGML or XML: the account, its balances and its transactions")
    func ofx() throws {
        let sgml = """
            OFXHEADER:100
            DATA:OFXSGML
            <OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR
            <BANKACCTFROM><BANKID>1<ACCTID>DE0012345678<ACCTTYPE>CHECKING</BANKACCTFROM>
            <BANKTRANLIST>
            <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261101120000.000[-5:EST]<TRNAMT>-42.50<FITID>A1<NAME>Groceries<MEMO>Market</STMTTRN>
            <STMTTRN><TRNTYPE>FEE<DTPOSTED>20261102<TRNAMT>-3.00<FITID>A2<NAME>Fee</STMTTRN>
            </BANKTRANLIST>
            <LEDGERBAL><BALAMT>954.50<DTASOF>20261102</LEDGERBAL>
            <AVAILBAL><BALAMT>900.00<DTASOF>20261102</AVAILBAL>
            </STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
            """
        let statement = try OFXStatement.parse(Data(sgml.utf8))
        let account = try #require(statement.accounts.first)
        #expect(account.providerAccountId == "DE0012345678")
        #expect(account.accountNumberMasked == "****5678")
        #expect(account.currency == "EUR")
        #expect(account.balance == Decimal(string: "954.50"))
        #expect(account.availableBalance == 900)
        let transactions = try #require(statement.transactions["DE0012345678"])
        #expect(transactions.map(\.providerTransactionId) == ["A1", "A2"])
        #expect(transactions.map(\.transactionType) == ["withdrawal", "fee"])
        #expect(transactions.first?.description == "Groceries — Market")
        #expect(transactions.first?.transactionDate == CalendarDate(year: 2026, month: 11, day: 1))

        let xml = "<OFX><CREDITCARDMSGSRSV1><CCSTMTRS><CCACCTFROM><ACCTID>4111</ACCTID></CCACCTFROM><BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20261103</DTPOSTED><TRNAMT>-9.99</TRNAMT><FITID>C1</FITID><NAME>Tea &amp; cake</NAME></STMTTRN></BANKTRANLIST></CCSTMTRS></CREDITCARDMSGSRSV1></OFX>"
        let card = try OFXStatement.parse(Data(xml.utf8))
        #expect(card.accounts.first?.accountType == .creditCard)
        #expect(card.transactions["4111"]?.first?.description == "Tea & cake")
        #expect(throws: ProviderError.self) { try OFXStatement.parse(Data("not a statement".utf8)) }
    }

    @Test("the sandbox returns the same data for the same days, and fails on request")
    func sandbox() async throws {
        let sandbox = SandboxProvider(), credentials = Data("key".utf8)
        let from = CalendarDate(year: 2026, month: 11, day: 1), to = CalendarDate(year: 2026, month: 11, day: 30)
        let first = try await sandbox.fetchTransactions(credentials: credentials, providerAccountId: "SBX-CHK-001", from: from, to: to)
        let second = try await sandbox.fetchTransactions(credentials: credentials, providerAccountId: "SBX-CHK-001", from: from, to: to)
        #expect(first == second)
        #expect(first.count == 30)
        #expect(first.filter { $0.transactionType == "deposit" }.count == 2)
        #expect(try await sandbox.fetchAccounts(credentials: credentials).count == 3)
        await #expect(throws: ProviderError.self) { try await sandbox.fetchAccounts(credentials: SandboxProvider.failingCredentials) }
        #expect(throws: ProviderError.self) { try SandboxProviderFactory().provider(slug: "acme") }
    }
}
