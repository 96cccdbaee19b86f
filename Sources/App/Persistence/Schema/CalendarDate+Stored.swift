import PostgresKit
import SQLiteKit

// A day is stored as its `YYYY-MM-DD` text on both engines: text that orders as the days do, read the same way by a
// person and by a query. Its Codable form is the API's (year, month and day), so each driver is told directly.

extension CalendarDate: SQLiteDataConvertible {
    init?(sqliteData: SQLiteData) {
        guard case .text(let text) = sqliteData else { return nil }
        self.init(iso8601: text)
    }

    var sqliteData: SQLiteData? { .text(iso8601) }
}

extension CalendarDate: PostgresNonThrowingEncodable, PostgresDecodable {
    static var psqlType: PostgresDataType { .text }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(iso8601)
    }

    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard let text = buffer.readString(length: buffer.readableBytes), let day = CalendarDate(iso8601: text) else {
            throw PostgresDecodingError.Code.typeMismatch
        }
        self = day
    }
}
