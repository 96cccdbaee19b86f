import Foundation

/// Reads a CSV statement: a header row naming the columns, then one transaction per row. `date` (YYYY-MM-DD),
/// `description` and `amount` are required; `id` (the bank's transaction id), `type` and `balance` are optional.
/// Without an `id`, a row's id is its line's content, so that importing the same file twice skips every row.
/// Quoted cells may hold commas and doubled quotes, as spreadsheets write them.
enum CSVStatement {
    static let accountId = "CSV-IMPORT"

    static func parse(_ content: Data) throws -> ParsedStatement {
        guard let text = String(data: content, encoding: .utf8) else { throw ProviderError(message: "the CSV file is not UTF-8 text") }
        var rows = text.split(whereSeparator: \.isNewline).map { parseLine(String($0)) }.filter { $0 != [""] }
        guard !rows.isEmpty else { throw ProviderError(message: "the CSV file is empty") }
        let header = rows.removeFirst().map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let date = column("date"), let description = column("description"), let amount = column("amount") else {
            throw ProviderError(message: "the CSV header must name the columns date, description and amount")
        }
        let id = column("id"), type = column("type"), balance = column("balance")
        var transactions: [ProviderTransactionData] = []
        var lastBalance: Decimal?
        var total: Decimal = 0
        for (index, cells) in rows.enumerated() {
            let line = index + 2
            func cell(_ column: Int?) -> String? {
                column.flatMap { $0 < cells.count ? cells[$0].trimmingCharacters(in: .whitespaces) : nil }
            }
            guard let day = cell(date).flatMap(CalendarDate.init(iso8601:)) else {
                throw ProviderError(message: "line \(line): the date is not YYYY-MM-DD")
            }
            guard let value = cell(amount).flatMap(decimal) else { throw ProviderError(message: "line \(line): the amount is not a number") }
            total += value
            if let text = cell(balance), !text.isEmpty {
                guard let parsed = decimal(text) else { throw ProviderError(message: "line \(line): the balance is not a number") }
                lastBalance = parsed
            }
            let transactionId = cell(id).flatMap { $0.isEmpty ? nil : $0 } ?? "CSV-" + cells.joined(separator: "|")
            transactions.append(ProviderTransactionData(
                providerTransactionId: transactionId, transactionType: cell(type).flatMap { $0.isEmpty ? nil : $0.lowercased() }
                    ?? (value < 0 ? "withdrawal" : "deposit"),
                subtype: "", status: "settled", amount: value, description: cell(description) ?? "", transactionDate: day))
        }
        let account = ProviderAccountData(
            providerAccountId: accountId, name: "Imported account", accountNumberMasked: "****CSV0", accountType: .checking,
            currency: "USD", balance: lastBalance ?? total, availableBalance: nil)
        return ParsedStatement(accounts: [account], transactions: [accountId: transactions])
    }

    private static func decimal(_ text: String) -> Decimal? {
        Decimal(string: text.replacingOccurrences(of: "$", with: ""), locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The cells of one line, with RFC 4180 quoting.
    static func parseLine(_ line: String) -> [String] {
        var cells: [String] = [], current = "", quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch (character, quoted) {
            case ("\"", true):
                // A doubled quote inside quotes is one quote; a single one ends the quoted part.
                var lookahead = characters
                if lookahead.next() == "\"" {
                    current.append("\"")
                    characters = lookahead
                } else {
                    quoted = false
                }
            case ("\"", false) where current.isEmpty: quoted = true
            case (",", false):
                cells.append(current)
                current = ""
            default: current.append(character)
            }
        }
        cells.append(current)
        return cells
    }
}
