@testable import CQRSGenCore

/// YAML with position markers (`1️⃣`, `2️⃣`, …) written where diagnostics are expected, in the manner of
/// swift-format's and swift-syntax's tests. The markers are removed from the text, and each is remembered as the
/// line and column of the character that followed it.
struct MarkedText {
    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟", "🅰️", "🅱️", "🅲", "🅳", "🅴"]

    let text: String
    let positions: [String: CQRSGenCore.SourceLocation]

    init(_ marked: String) {
        var text = ""
        var positions: [String: CQRSGenCore.SourceLocation] = [:]
        var line = 1, column = 1
        var rest = Substring(marked)
        outer: while let character = rest.first {
            for marker in Self.markers where rest.hasPrefix(marker) {
                precondition(positions[marker] == nil, "marker \(marker) is used twice")
                positions[marker] = CQRSGenCore.SourceLocation(line: line, column: column)
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
            rest = rest.dropFirst()
        }
        self.text = text
        self.positions = positions
    }

    func location(_ marker: String) -> CQRSGenCore.SourceLocation {
        guard let location = positions[marker] else { preconditionFailure("marker \(marker) is not in the text") }
        return location
    }
}
