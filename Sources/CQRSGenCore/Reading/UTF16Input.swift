/// A spec in UTF-16, which libyaml reads when the file starts with a UTF-16 byte-order mark, is turned into UTF-8
/// before libyaml sees it.
///
/// libyaml reports a bad UTF-16 code unit by its byte offset in the raw file, where every character takes two bytes
/// or four, so columns computed from it came out doubled. Transcoded here, every later position (libyaml's marks,
/// the reader's own checks) is computed on one encoding, in Unicode scalars, and an invalid code unit is reported
/// at the character where it stands.
enum UTF16Input {
    enum Outcome {
        /// Not UTF-16: the bytes as they were.
        case notUTF16
        case utf8([UInt8])
        /// The error, and the text read before it, in UTF-8: the lines a position in the error counts on.
        case invalid(Diagnostic, readBefore: [UInt8])
    }

    static func transcode(_ bytes: [UInt8]) -> Outcome {
        let bigEndian: Bool
        if bytes.starts(with: [0xFF, 0xFE]) {
            bigEndian = false
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            bigEndian = true
        } else {
            return .notUTF16
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var line = 1, column = 1
        var index = 2
        var previousWasCR = false
        func unit(at offset: Int) -> UInt16 {
            bigEndian ? UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1]) : UInt16(bytes[offset + 1]) << 8 | UInt16(bytes[offset])
        }
        while index < bytes.count {
            let here = SourceLocation(line: line, column: column)
            guard index + 1 < bytes.count else {
                return .invalid(
                    .error("the spec is not valid UTF-16: it ends in the middle of a character", at: here), readBefore: output)
            }
            let first = unit(at: index)
            index += 2
            var scalar: Unicode.Scalar?
            switch first {
            case 0xD800...0xDBFF:
                if index + 1 < bytes.count, case let second = unit(at: index), (0xDC00...0xDFFF).contains(second) {
                    index += 2
                    scalar = Unicode.Scalar(0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(second - 0xDC00))
                }
            case 0xDC00...0xDFFF:
                scalar = nil
            default:
                scalar = Unicode.Scalar(first)
            }
            guard let scalar else {
                return .invalid(
                    .error(
                        "the spec is not valid UTF-16: a lone surrogate (U+\(String(first, radix: 16, uppercase: true)))",
                        at: here),
                    readBefore: output)
            }
            // A second byte-order mark right after the first is one too: kept, it would start the UTF-8 text, where
            // libyaml and the line counts skip it as a mark while this count took it for a character.
            if output.isEmpty, scalar == "\u{FEFF}" { continue }
            output.append(contentsOf: UTF8.encode(scalar)!)
            switch scalar {
            case "\n":
                if !previousWasCR { line += 1 }
                column = 1
            case "\r":
                line += 1
                column = 1
            default:
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        return .utf8(output)
    }
}
