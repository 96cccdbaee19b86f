import Foundation
import Testing

@testable import CQRSGenCore

/// A malformed or hostile spec must never crash the pipeline or make it hang, and every refusal must say why.
@Suite("Hostile input")
struct HostileInputTests {
    static let realSpec = try! [UInt8](Data(contentsOf: URL(fileURLWithPath: PackageRoot.specPath)))

    /// Loads `bytes` and checks the one promise the pipeline makes about any input: either a valid spec, or at
    /// least one error, each at a position inside the file: on one of its lines, at one of its characters or just
    /// after the line's last.
    static func expectHandled(_ bytes: [UInt8], _ label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let outcome = SpecLoader().load(bytes)
        let lengths = SpecLines.lengths(of: bytes)
        if outcome.validSpec == nil {
            #expect(outcome.diagnostics.hasErrors, "\(label): refused without an error", sourceLocation: sourceLocation)
        }
        for diagnostic in outcome.diagnostics {
            for location in [diagnostic.location] + diagnostic.notes.map(\.location) {
                #expect(SpecLines.contains(location, lengths: lengths), "\(label): \(diagnostic)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("the real spec cut short at any of 400 points")
    func truncations() {
        let spec = Self.realSpec
        for cut in stride(from: 0, to: spec.count, by: max(1, spec.count / 400)) {
            Self.expectHandled(Array(spec[..<cut]), "cut at byte \(cut)")
        }
    }

    @Test("the real spec with seeded random bytes overwritten, inserted and deleted")
    func mutations() {
        var random = SeededGenerator(seed: 2026)
        let alphabet = Array(":-[]{},?&*!|>'\"#%@`\t\r\n \u{0}é\u{2028}\u{85}".utf8) + [0xFF, 0xC3, 0xEF, 0xBB, 0xBF]
        for round in 0..<1_000 {
            var bytes = Self.realSpec
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                let byte = alphabet.randomElement(using: &random)!
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[position] = byte
                case 1: bytes.insert(byte, at: position)
                default: bytes.remove(at: position)
                }
            }
            Self.expectHandled(bytes, "mutation round \(round)")
        }
    }

    @Test("the real spec in UTF-16, with code units overwritten (lone surrogates among them): positions in characters")
    func utf16Mutations() {
        var random = SeededGenerator(seed: 16)
        let alphabet: [UInt16] = Array(":-[]{}\n\r\t\u{2028}é".utf16) + [0xD800, 0xDC00, 0xD83D, 0xDE00]
        let units = Array(String(decoding: Self.realSpec, as: UTF8.self).utf16)
        for round in 0..<200 {
            var mutated = units
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                mutated[Int.random(in: 0..<mutated.count, using: &random)] = alphabet.randomElement(using: &random)!
            }
            let bigEndian = round.isMultiple(of: 2)
            let bytes: [UInt8] = (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + mutated.flatMap { unit -> [UInt8] in
                bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
            Self.expectHandled(bytes, "UTF-16 round \(round)")
        }
    }

    static let hostileShapes: [(label: String, text: String)] = {
        var shapes: [(label: String, text: String)] = []
        shapes.append(("deep lists", "version: 1\nx: " + String(repeating: "[", count: 50_000)))
        shapes.append(("deep mappings", "version: 1\nx: " + String(repeating: "{a: ", count: 50_000)))
        let staircase = (0..<200).map { String(repeating: " ", count: $0) + "k\($0):" }
        shapes.append(("deep block nesting", "version: 1\n" + staircase.joined(separator: "\n")))
        shapes.append(("long key", "version: 1\n" + String(repeating: "k", count: 1_000_000) + ": 1\n"))
        let aliases = Array(repeating: "*a", count: 20_000).joined(separator: ", ")
        shapes.append(("many aliases", "version: 1\na: &a x\nb: [" + aliases + "]\n"))
        let noise = (0..<4096).map { (index: Int) -> UInt8 in UInt8(truncatingIfNeeded: (index &* 2_654_435_761) >> 7) }
        shapes.append(("binary", String(decoding: noise, as: UTF8.self)))
        shapes.append(("only punctuation", String(repeating: ":-?[]{},", count: 1000)))
        let hugeType = String(repeating: "[", count: 100_000) + "Int"
        shapes.append(("huge type", "version: 1\ntypes:\n  T: {fields: {a: \"" + hugeType + "\"}}\n"))
        return shapes
    }()

    @Test("pathological shapes are refused quickly and clearly", arguments: Self.hostileShapes)
    func pathologicalShapes(label: String, text: String) {
        let start = ContinuousClock.now
        Self.expectHandled(Array(text.utf8), label)
        #expect(ContinuousClock.now - start < .seconds(10), "\(label) took too long")
    }
}
