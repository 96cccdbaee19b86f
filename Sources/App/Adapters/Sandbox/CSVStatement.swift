import Foundation
import SwiftCSV

/// Reads a CSV statement: a header row naming the columns, then one transaction per row. `date` (YYYY-MM-DD),
/// `description` and `amount` are required; `id` (the bank's transaction id), `type` and `balance` are optional.
/// Without an `id`, a row's id is its cells' content, so that importing the same file twice skips every row.
///
/// The records are split by SwiftCSV, as RFC 4180 has them and spreadsheets write them: a quoted cell may hold
/// commas, doubled quotes and line breaks, a byte order mark before the header is dropped, and a quote where none
/// may stand makes the file invalid rather than silently changing a cell. A record is therefore not a line, and
/// errors name the row (the header is row 1).
enum CSVStatement {
    static let accountId = "CSV-IMPORT"

    static func parse(_ content: Data) throws -> ParsedStatement {
        guard let text = String(data: content, encoding: .utf8) else { throw ProviderError(message: "the CSV file is not UTF-8 text") }
        let table: EnumeratedCSV
        do {
            table = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw ProviderError(message: "the CSV file's quotes are malformed")
        }
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard header.contains(where: { !$0.isEmpty }) else { throw ProviderError(message: "the CSV file is empty") }
        // A blank line is a record of empty cells; it holds no transaction.
        let rows = table.rows.enumerated().filter { !$0.element.allSatisfy(\.isEmpty) }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let date = column("date"), let description = column("description"), let amount = column("amount") else {
            throw ProviderError(message: "the CSV header must name the columns date, description and amount")
        }
        let id = column("id"), type = column("type"), balance = column("balance")
        var transactions: [ProviderTransactionData] = []
        var lastBalance: Decimal?
        var total: Decimal = 0
        for (index, cells) in rows {
            let row = index + 2
            func cell(_ column: Int?) -> String? {
                column.flatMap { $0 < cells.count ? cells[$0].trimmingCharacters(in: .whitespaces) : nil }
            }
            guard let day = cell(date).flatMap(CalendarDate.init(iso8601:)) else {
                throw ProviderError(message: "row \(row): the date is not YYYY-MM-DD")
            }
            guard let value = cell(amount).flatMap(decimal) else { throw ProviderError(message: "row \(row): the amount is not a number") }
            total += value
            if let text = cell(balance), !text.isEmpty {
                guard let parsed = decimal(text) else { throw ProviderError(message: "row \(row): the balance is not a number") }
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
}
