import CQRS
import Foundation

extension CalendarDate: Comparable {
    static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The day `date` falls on in UTC.
    init(_ date: Date) {
        let components = Self.utc.dateComponents([.year, .month, .day], from: date)
        self.init(year: components.year ?? 1970, month: components.month ?? 1, day: components.day ?? 1)
    }

    /// The start of this day in UTC.
    var start: Date {
        Self.utc.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    func adding(days: Int) -> CalendarDate {
        CalendarDate(start.addingTimeInterval(TimeInterval(days) * 86_400))
    }

    /// `2024-01-31`.
    var iso8601: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Reads `2024-01-31`; nil for anything else.
    init?(iso8601 text: String) {
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
