/// The Swift standard library and Foundation types that fields and results may use without declaring them.
public enum BuiltinTypes {
    public enum Literal: Hashable, Sendable {
        case string, character, bool, integer(ClosedRange<Int64>?), unsignedInteger(ClosedRange<UInt64>), floatingPoint
        case uuid, date, data, url
    }

    /// Each built-in type and the kind of default value it takes.
    public static let all: [String: Literal] = [
        "String": .string, "Character": .character, "Bool": .bool,
        "Int": .integer(nil), "Int8": .integer(Int64(Int8.min)...Int64(Int8.max)),
        "Int16": .integer(Int64(Int16.min)...Int64(Int16.max)), "Int32": .integer(Int64(Int32.min)...Int64(Int32.max)),
        "Int64": .integer(nil),
        "UInt": .unsignedInteger(0...UInt64.max), "UInt8": .unsignedInteger(0...UInt64(UInt8.max)),
        "UInt16": .unsignedInteger(0...UInt64(UInt16.max)), "UInt32": .unsignedInteger(0...UInt64(UInt32.max)),
        "UInt64": .unsignedInteger(0...UInt64.max),
        "Double": .floatingPoint, "Float": .floatingPoint, "Decimal": .floatingPoint,
        "UUID": .uuid, "Date": .date, "Data": .data, "URL": .url,
    ]

    /// The names, sorted, for suggestions and documentation.
    public static let names: [String] = all.keys.sorted()
}
