import Foundation
import GRDB

// How domain values are stored, chosen so that a person reading the file with `sqlite3` sees what they mean, and so
// that SQL can order what handlers order: ids as UUID text, instants as Unix seconds, money as exact decimal text,
// days as `YYYY-MM-DD`.

extension UUID {
    /// The column value of an id: its canonical text.
    var databaseText: String { uuidString }
}

extension Date {
    /// Seconds since 1970 as a REAL: sortable, and exact to well under a microsecond.
    var databaseSeconds: Double { timeIntervalSince1970 }
}

extension Row {
    func uuid(_ column: String) throws -> UUID {
        // Ids are written by this module only, as canonical text: anything else is a damaged file, reported as such.
        guard let text: String = self[column], let id = UUID(uuidString: text) else {
            throw StoredValueError(column: column, expected: "a UUID")
        }
        return id
    }

    func optionalUUID(_ column: String) -> UUID? {
        (self[column] as String?).flatMap(UUID.init(uuidString:))
    }

    func date(_ column: String) throws -> Date {
        guard let seconds: Double = self[column] else { throw StoredValueError(column: column, expected: "an instant") }
        return Date(timeIntervalSince1970: seconds)
    }

    func optionalDate(_ column: String) -> Date? {
        (self[column] as Double?).map(Date.init(timeIntervalSince1970:))
    }

    func decimal(_ column: String) throws -> Decimal {
        guard let value = optionalDecimal(column) else { throw StoredValueError(column: column, expected: "a decimal") }
        return value
    }

    func optionalDecimal(_ column: String) -> Decimal? {
        (self[column] as String?).flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
    }

    func calendarDate(_ column: String) throws -> CalendarDate {
        guard let value = optionalCalendarDate(column) else { throw StoredValueError(column: column, expected: "a day") }
        return value
    }

    func optionalCalendarDate(_ column: String) -> CalendarDate? {
        (self[column] as String?).flatMap(CalendarDate.init(iso8601:))
    }

    /// A list of strings stored as a JSON array.
    func strings(_ column: String) -> [String] {
        guard let text: String = self[column], let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([String].self, from: data)) ?? []
    }
}

extension Decimal {
    /// Exact decimal text, independent of the locale.
    var databaseText: String { NSDecimalNumber(decimal: self).description(withLocale: Locale(identifier: "en_US_POSIX")) }
}

extension Array where Element == String {
    var databaseJSON: String {
        (try? JSONEncoder().encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }
}

/// A stored value that this module could not have written: the database file was changed by something else.
struct StoredValueError: Error, CustomStringConvertible {
    var column: String
    var expected: String
    var description: String { "column '\(column)' does not hold \(expected)" }
}
