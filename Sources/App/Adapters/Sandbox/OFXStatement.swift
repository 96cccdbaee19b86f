import Foundation

/// Reads an OFX or QFX statement (Quicken's OFX): the bank or card account, its ledger balance, and its `STMTTRN`
/// transactions. OFX 1.x is SGML, whose elements need no closing tags, and 2.x is XML; reading each element's text
/// up to the next tag handles both.
enum OFXStatement {
    static func parse(_ content: Data) throws -> ParsedStatement {
        guard let text = String(data: content, encoding: .utf8) ?? String(data: content, encoding: .isoLatin1) else {
            throw ProviderError(message: "the OFX file is not text")
        }
        let elements = tokens(text)
        guard elements.contains(where: { $0.tag == "OFX" }) else { throw ProviderError(message: "the file has no <OFX> element") }
        func first(_ tag: String) -> String? { elements.first { $0.tag == tag && !$0.value.isEmpty }?.value }
        /// The first `tag` inside the aggregate `parent` (`BALAMT` in `LEDGERBAL`, say).
        func value(_ tag: String, in parent: String) -> String? {
            guard let start = elements.firstIndex(where: { $0.tag == parent }) else { return nil }
            return elements[start...].prefix { $0.tag != "/" + parent }.first { $0.tag == tag }?.value
        }

        guard let accountNumber = first("ACCTID") else { throw ProviderError(message: "the statement names no account (ACCTID)") }
        let accountType: AccountType =
            switch first("ACCTTYPE")?.uppercased() {
            case "SAVINGS": .savings
            case "MONEYMRKT": .moneyMarket
            case "CREDITLINE": .lineOfCredit
            case "CD": .cd
            default: elements.contains { $0.tag == "CCACCTFROM" } ? .creditCard : .checking
            }
        var transactions: [ProviderTransactionData] = []
        var current: [String: String]?
        for element in elements {
            switch element.tag {
            case "STMTTRN": current = [:]
            case "/STMTTRN":
                if let fields = current { transactions.append(try transaction(fields, number: transactions.count + 1)) }
                current = nil
            default:
                if current != nil, !element.tag.hasPrefix("/") { current?[element.tag] = element.value }
            }
        }
        let balance = value("BALAMT", in: "LEDGERBAL").flatMap(decimal) ?? transactions.reduce(0) { $0 + $1.amount }
        let account = ProviderAccountData(
            providerAccountId: accountNumber, name: first("DESC") ?? "Imported \(accountType.rawValue) account",
            accountNumberMasked: "****" + accountNumber.suffix(4), accountType: accountType,
            currency: first("CURDEF")?.uppercased() ?? "USD", balance: balance,
            availableBalance: value("BALAMT", in: "AVAILBAL").flatMap(decimal))
        return ParsedStatement(accounts: [account], transactions: [accountNumber: transactions])
    }

    private static func transaction(_ fields: [String: String], number: Int) throws -> ProviderTransactionData {
        guard let posted = fields["DTPOSTED"], let day = date(posted) else {
            throw ProviderError(message: "transaction \(number) has no valid DTPOSTED")
        }
        guard let amount = fields["TRNAMT"].flatMap(decimal) else { throw ProviderError(message: "transaction \(number) has no valid TRNAMT") }
        guard let id = fields["FITID"], !id.isEmpty else { throw ProviderError(message: "transaction \(number) has no FITID") }
        let kind = fields["TRNTYPE"]?.lowercased() ?? (amount < 0 ? "debit" : "credit")
        let type: String =
            switch kind {
            case "int", "div": "income"
            case "fee", "srvchg": "fee"
            case "xfer": "transfer"
            default: amount < 0 ? "withdrawal" : "deposit"
            }
        let name = fields["NAME"] ?? "", memo = fields["MEMO"] ?? ""
        return ProviderTransactionData(
            providerTransactionId: id, transactionType: type, subtype: kind, status: "settled", amount: amount,
            description: [name, memo].filter { !$0.isEmpty }.joined(separator: " — "), transactionDate: day)
    }

    /// `20240115`, `20240115120000` or `20240115120000.000[-5:EST]`: the day is the first eight digits.
    private static func date(_ text: String) -> CalendarDate? {
        let digits = text.prefix(8)
        guard digits.count == 8, digits.allSatisfy(\.isNumber) else { return nil }
        return CalendarDate(iso8601: "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))")
    }

    private static func decimal(_ text: String) -> Decimal? {
        Decimal(string: text.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Every tag with the text that follows it up to the next tag.
    private static func tokens(_ text: String) -> [(tag: String, value: String)] {
        var result: [(tag: String, value: String)] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces).uppercased()
            let after = rest[rest.index(after: close)...]
            let valueEnd = after.firstIndex(of: "<") ?? after.endIndex
            let value = after[..<valueEnd].trimmingCharacters(in: .whitespacesAndNewlines)
            result.append((tag, xmlUnescaped(value)))
            rest = after[valueEnd...]
        }
        return result
    }

    private static func xmlUnescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
